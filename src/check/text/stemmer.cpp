#include "check/text/stemmer.h"

#include <libstemmer.h>

#include <cstring>
#include <new>
#include <utility>

#include "check/text/number.h"
#include "check/text/token.h"

namespace mkrp::check::text {

namespace {

// The part of a word's hash an index slot keeps, to skip most entries without reading them.
std::uint64_t tagOf(std::uint64_t hash) { return hash >> 32; }

}  // namespace

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")), index_(kInitialSlots, 0) {
  if (stemmer_ == nullptr) throw std::bad_alloc();
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

Stemmer::Stemmer(Stemmer&& other) noexcept
    : stemmer_(std::exchange(other.stemmer_, nullptr)),
      index_(std::move(other.index_)),
      entries_(std::move(other.entries_)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
    index_ = std::move(other.index_);
    entries_ = std::move(other.entries_);
  }
  return *this;
}

namespace {

std::uint64_t load(const char* bytes, std::size_t count) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes, count);
  return value;
}

// The cache's key for a word of 3 to kInline bytes: cheaper than hashWord on short words (a few
// overlapping loads instead of a loop over the last bytes). Only the cache sees it.
std::uint64_t keyOf(std::string_view word) {
  const char* bytes = word.data();
  const std::size_t size = word.size();
  std::uint64_t key = size * 0x9E3779B97F4A7C15ull;
  if (size >= 8) {
    std::size_t i = 0;
    for (; i + 8 < size; i += 8) key = (key ^ load(bytes + i, 8)) * 0xFF51AFD7ED558CCDull;
    key = (key ^ load(bytes + size - 8, 8)) * 0xC4CEB9FE1A85EC53ull;
  } else if (size >= 4) {
    key = (key ^ (load(bytes, 4) | (load(bytes + size - 4, 4) << 32))) * 0xC4CEB9FE1A85EC53ull;
  } else {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(bytes[k] & 0xFF); };
    key = (key ^ (byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16)) * 0xC4CEB9FE1A85EC53ull;
  }
  return key ^ (key >> 29);
}

bool sameBytes(const char* a, std::string_view b) {
  for (std::size_t k = 0; k < b.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

}  // namespace

std::size_t Stemmer::probe(std::uint64_t hash, std::string_view word) const {
  const std::size_t mask = index_.size() - 1;
  const std::uint64_t tag = tagOf(hash);
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (;; slot = (slot + 1) & mask) {
    const std::uint64_t held = index_[slot];
    if (held == 0) return slot;
    if ((held >> 32) != tag) continue;
    const Entry& entry = entries_[(held & 0xFFFFFFFFu) - 1];
    if (entry.hash == hash && entry.wordLength == word.size() && sameBytes(entry.word, word)) {
      return slot;
    }
  }
}

void Stemmer::grow() {
  index_.assign(index_.size() * 2, 0);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const Entry& entry = entries_[k];
    const std::string_view word(entry.word, entry.wordLength);
    index_[probe(entry.hash, word)] = (tagOf(entry.hash) << 32) | (k + 1);
  }
}

void Stemmer::clear() {
  entries_.clear();
  index_.assign(kInitialSlots, 0);
}

Stemmer::Stemmed Stemmer::stemUncached(std::string_view word) {
  const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                        static_cast<int>(word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  long_.assign(reinterpret_cast<const char*>(stemmed),
               static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  const auto value = numberWordValue(word);
  return {long_, hashWord(long_), value ? static_cast<std::int8_t>(*value) : std::int8_t{-1}};
}

Stemmer::Stemmed Stemmer::stemmed(std::string_view word) {
  if (word.size() <= 2) {               // Porter2 leaves words of one or two letters as they are
    return {word, hashWord(word), -1};  // number words have three letters or more
  }
  if (word.size() > kInline) return stemUncached(word);
  if (index_.empty()) clear();  // after a move
  const std::uint64_t hash = keyOf(word);
  std::size_t slot = probe(hash, word);
  if (index_[slot] != 0) {
    const Entry& entry = entries_[(index_[slot] & 0xFFFFFFFFu) - 1];
    return {std::string_view(entry.stem, entry.stemLength), entry.stemHash, entry.numberValue};
  }
  const Stemmed fresh = stemUncached(word);
  if (fresh.stem.size() > kInline) return fresh;
  if (entries_.size() >= kMaxEntries) {  // the cache is full: start again
    clear();
    slot = probe(hash, word);
  } else if (2 * (entries_.size() + 1) > index_.size()) {
    grow();
    slot = probe(hash, word);
  }
  Entry& entry = entries_.emplace_back();
  entry.hash = hash;
  entry.stemHash = fresh.hash;
  word.copy(entry.word, word.size());
  fresh.stem.copy(entry.stem, fresh.stem.size());
  entry.wordLength = static_cast<std::uint8_t>(word.size());
  entry.stemLength = static_cast<std::uint8_t>(fresh.stem.size());
  entry.numberValue = fresh.numberValue;
  index_[slot] = (tagOf(hash) << 32) | entries_.size();
  return {std::string_view(entry.stem, entry.stemLength), entry.stemHash, entry.numberValue};
}

}  // namespace mkrp::check::text
