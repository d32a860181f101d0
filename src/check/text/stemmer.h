// The English (Porter2) Snowball stemmer from libstemmer, with a cache of words already stemmed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace mkrp::check::text {

// Owns one libstemmer English stemmer. libstemmer is not thread-safe, so neither is this class:
// use one Stemmer per thread (Tokenizer owns one). Movable, not copyable.
class Stemmer {
 public:
  // Throws std::bad_alloc when libstemmer cannot create the stemmer (it fails only for memory).
  Stemmer();
  ~Stemmer();
  Stemmer(Stemmer&& other) noexcept;
  Stemmer& operator=(Stemmer&& other) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // A stem with its hashWord, computed once per distinct word, and the word's value when it is a
  // number word (numberWordValue: "twelve" -> 12), else -1: the tokenizer asks both of every word.
  struct Stemmed {
    std::string stem;
    std::uint64_t hash = 0;
    std::int8_t numberValue = -1;
  };

  // Returns the stem of a lower-case UTF-8 word ("entering" -> "enter", "hours" -> "hour").
  // The reference stays valid until the next call on this Stemmer.
  const std::string& stem(std::string_view word) { return stemmed(word).stem; }
  // Same, with the stem's hashWord.
  const Stemmed& stemmed(std::string_view word);

 private:
  // A document reuses a few thousand words, so stems are cached in an open-addressing table:
  // one hash and usually one string compare per word.
  struct Slot {
    std::uint64_t hash = 0;  // of `word`
    bool used = false;
    std::string word;
    Stemmed stemmed;
  };
  static constexpr std::size_t kInitialSlots = 1024;
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 17;  // then the cache starts again

  std::size_t probe(std::uint64_t hash, std::string_view word) const;
  void grow();

  sb_stemmer* stemmer_ = nullptr;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  Stemmed short_;  // the last word too short to stem
};

}  // namespace mkrp::check::text
