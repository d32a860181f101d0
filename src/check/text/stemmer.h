// The English (Porter2) Snowball stemmer from libstemmer, with a cache of words already stemmed.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

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

  // Returns the stem of a lower-case UTF-8 word ("entering" -> "enter", "hours" -> "hour").
  // The reference stays valid until the next call on this Stemmer.
  const std::string& stem(std::string_view word);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Documents reuse a few thousand words; past this many entries the cache starts again.
  static constexpr std::size_t kMaxCached = 1 << 16;

  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
};

}  // namespace mkrp::check::text
