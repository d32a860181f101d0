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
  // `stem` points into the Stemmer's cache or into the word asked for.
  struct Stemmed {
    std::string_view stem;
    std::uint64_t hash = 0;
    std::int8_t numberValue = -1;
  };

  // Returns the stem of a lower-case UTF-8 word ("entering" -> "enter", "hours" -> "hour").
  // The view stays valid until the next call on this Stemmer, and no longer than `word`.
  std::string_view stem(std::string_view word) { return stemmed(word).stem; }
  // Same, with the stem's hashWord.
  Stemmed stemmed(std::string_view word);

 private:
  // A document reuses a few thousand words, so stems are cached in an open-addressing table of
  // one cache line per slot, with the word and its stem inline: one hash, usually one line read
  // and one compare of a few bytes per word.
  static constexpr std::size_t kInline = 20;  // longer words and stems are stemmed every time
  struct alignas(64) Slot {
    std::uint64_t hash = 0;  // keyOf(word)
    std::uint64_t stemHash = 0;
    char word[kInline] = {};
    char stem[kInline] = {};
    std::uint8_t wordLength = 0;  // 0: the slot is empty
    std::uint8_t stemLength = 0;
    std::int8_t numberValue = -1;
  };
  static constexpr std::size_t kInitialSlots = 1024;
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 17;  // then the cache starts again

  // The slot holding `word`, or the empty slot where it belongs.
  std::size_t probe(std::uint64_t hash, std::string_view word) const;
  // Stems `word` with libstemmer into long_.
  Stemmed stemUncached(std::string_view word);
  void grow();

  sb_stemmer* stemmer_ = nullptr;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::string long_;  // the last stem asked for that is not cached
};

}  // namespace mkrp::check::text
