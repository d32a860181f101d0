// The English (Porter2) Snowball stemmer from libstemmer, with a cache of words already stemmed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // `stem` points into the Stemmer's cache, or is the word asked for when the stemmer leaves it as
  // it is (most words): the tokenizer then keeps one copy for both.
  struct Stemmed {
    std::string_view stem;
    std::uint64_t hash = 0;
    std::int8_t numberValue = -1;
  };

  // Returns the stem of a lower-case UTF-8 word ("entering" -> "enter", "hours" -> "hour").
  // The view stays valid until the next call on this Stemmer, and no longer than `word`.
  std::string_view stem(std::string_view word) { return stemmed(word).stem; }
  // Same, with the stem's hashWord.
  Stemmed stemmed(std::string_view word) { return stemmed(word, keyOf(word)); }
  // Same, with the word's cache key already computed. REQUIRES: key == keyOf(word).
  // A word already in the cache is found here, inline: the tokenizer asks for every word.
  Stemmed stemmed(std::string_view word, std::uint64_t key) {
    if (word.size() > 2 && word.size() <= kInline && !slots_.empty()) {
      const Slot& slot = slots_[probe(key, word)];
      if (slot.wordLength != 0) return stemIn(slot, word);
    }
    return stemmedAfterMiss(word, key);
  }

  // The key under which the cache keeps `word`: cheaper than hashWord on short words (a few
  // overlapping loads instead of a loop over the last bytes).
  static std::uint64_t keyOf(std::string_view word) {
    const char* bytes = word.data();
    const std::size_t size = word.size();
    std::uint64_t key = size * 0x9E3779B97F4A7C15ull;
    if (size >= 8) {
      std::size_t i = 0;
      for (; i + 8 < size; i += 8) key = (key ^ load(bytes + i, 8)) * 0xFF51AFD7ED558CCDull;
      key = (key ^ load(bytes + size - 8, 8)) * 0xC4CEB9FE1A85EC53ull;
    } else if (size >= 4) {
      key = (key ^ (load(bytes, 4) | (load(bytes + size - 4, 4) << 32))) * 0xC4CEB9FE1A85EC53ull;
    } else if (size > 0) {
      const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(bytes[k] & 0xFF); };
      key = (key ^ (byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16)) * 0xC4CEB9FE1A85EC53ull;
    }
    return key ^ (key >> 29);
  }

  // Starts loading the cache slot of the word with key `key` from memory, so that a stemmed()
  // call a little later finds it near: the tokenizer fills in the rest of a token meanwhile.
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }

 private:
  // A document reuses a few thousand words, so stems are cached in an open-addressing table of
  // one cache line per slot, with the word and its stem inline: one hash, usually one line read
  // and one compare of a few bytes per word.
  static constexpr std::size_t kInline = 20;  // longer words and stems: in longWords_
  struct alignas(64) Slot {
    std::uint64_t hash = 0;  // keyOf(word)
    std::uint64_t stemHash = 0;
    char word[kInline] = {};
    char stem[kInline] = {};
    std::uint8_t wordLength = 0;  // 0: the slot is empty
    std::uint8_t stemLength = 0;
    std::int8_t numberValue = -1;
    bool unchanged = false;  // the stem is the word
  };
  static constexpr std::size_t kInitialSlots = 1024;
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 17;  // then the cache starts again

  static std::uint64_t load(const char* bytes, std::size_t count) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes, count);
    return value;
  }
  // The slot holding `word`, or the empty slot where it belongs.
  std::size_t probe(std::uint64_t hash, std::string_view word) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t index = static_cast<std::size_t>(hash) & mask;; index = (index + 1) & mask) {
      const Slot& slot = slots_[index];
      if (slot.wordLength == 0) return index;
      if (slot.hash == hash && slot.wordLength == word.size() && sameBytes(slot.word, word)) {
        return index;
      }
    }
  }
  // Whether the first b.size() bytes at `a` are `b`: a few loads of up to eight bytes, overlapping
  // at the end, rather than a byte at a time. REQUIRES: b.size() >= 2 (shorter words are not
  // cached).
  static bool sameBytes(const char* a, std::string_view b) {
    const char* const c = b.data();
    const std::size_t n = b.size();
    if (n >= 8) {
      for (std::size_t k = 0; k + 8 < n; k += 8) {
        if (load(a + k, 8) != load(c + k, 8)) return false;
      }
      return load(a + n - 8, 8) == load(c + n - 8, 8);
    }
    if (n >= 4) return load(a, 4) == load(c, 4) && load(a + n - 4, 4) == load(c + n - 4, 4);
    return load(a, 2) == load(c, 2) && a[n - 1] == c[n - 1];
  }
  // The stem kept in `slot` for `word`.
  static Stemmed stemIn(const Slot& slot, std::string_view word) {
    const std::string_view stem =
        slot.unchanged ? word : std::string_view(slot.stem, slot.stemLength);
    return {stem, slot.stemHash, slot.numberValue};
  }
  // `stemmed` for a word not in the cache (or too short or long for it): stems and caches it.
  Stemmed stemmedAfterMiss(std::string_view word, std::uint64_t key);
  // Stems `word` with libstemmer into long_.
  Stemmed stemUncached(std::string_view word);
  // The stem of a word or stem too long for a slot, cached apart.
  Stemmed stemLong(std::string_view word);
  void grow();

  sb_stemmer* stemmer_ = nullptr;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::string long_;  // the last stem made by stemUncached
  // Words too long for a slot (rare: compounds, words run together by a PDF's text layer).
  struct LongStem {
    std::string stem;
    std::uint64_t hash = 0;
    std::int8_t numberValue = -1;
  };
  std::unordered_map<std::string, LongStem> longWords_;
};

}  // namespace mkrp::check::text
