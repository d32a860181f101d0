#include "check/text/stemmer.h"

#include <libstemmer.h>

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

std::size_t Stemmer::probe(std::uint64_t hash, std::string_view word) const {
  const std::size_t mask = index_.size() - 1;
  const std::uint64_t tag = tagOf(hash);
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (;; slot = (slot + 1) & mask) {
    const std::uint64_t held = index_[slot];
    if (held == 0) return slot;
    if ((held >> 32) != tag) continue;
    const Entry& entry = entries_[(held & 0xFFFFFFFFu) - 1];
    if (entry.hash == hash && entry.word == word) return slot;
  }
}

void Stemmer::grow() {
  index_.assign(index_.size() * 2, 0);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    index_[probe(entries_[k].hash, entries_[k].word)] = (tagOf(entries_[k].hash) << 32) | (k + 1);
  }
}

void Stemmer::clear() {
  entries_.clear();
  index_.assign(kInitialSlots, 0);
}

const Stemmer::Stemmed& Stemmer::stemmed(std::string_view word) {
  if (word.size() <= 2) {  // Porter2 leaves words of one or two letters as they are
    short_.stem.assign(word);
    short_.hash = hashWord(word);
    short_.numberValue = -1;  // number words have three letters or more
    return short_;
  }
  if (index_.empty()) clear();  // after a move
  const std::uint64_t hash = hashWord(word);
  std::size_t slot = probe(hash, word);
  if (index_[slot] != 0) return entries_[(index_[slot] & 0xFFFFFFFFu) - 1].stemmed;
  const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                        static_cast<int>(word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  if (entries_.size() >= kMaxEntries) {  // the cache is full: start again
    clear();
    slot = probe(hash, word);
  } else if (2 * (entries_.size() + 1) > index_.size()) {
    grow();
    slot = probe(hash, word);
  }
  Entry& entry = entries_.emplace_back();
  entry.hash = hash;
  entry.word.assign(word);
  entry.stemmed.stem.assign(reinterpret_cast<const char*>(stemmed),
                            static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  entry.stemmed.hash = hashWord(entry.stemmed.stem);
  const auto value = numberWordValue(word);
  entry.stemmed.numberValue = value ? static_cast<std::int8_t>(*value) : std::int8_t{-1};
  index_[slot] = (tagOf(hash) << 32) | entries_.size();
  return entry.stemmed;
}

}  // namespace mkrp::check::text
