#include "check/text/stemmer.h"

#include <libstemmer.h>

#include <new>
#include <utility>

#include "check/text/number.h"
#include "check/text/token.h"

namespace mkrp::check::text {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")), slots_(kInitialSlots) {
  if (stemmer_ == nullptr) throw std::bad_alloc();
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

Stemmer::Stemmer(Stemmer&& other) noexcept
    : stemmer_(std::exchange(other.stemmer_, nullptr)),
      slots_(std::move(other.slots_)),
      used_(std::exchange(other.used_, 0)),
      longWords_(std::move(other.longWords_)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
    slots_ = std::move(other.slots_);
    used_ = std::exchange(other.used_, 0);
    longWords_ = std::move(other.longWords_);
  }
  return *this;
}

void Stemmer::grow() {
  std::vector<Slot> old = std::move(slots_);
  const std::size_t size = old.size() < kMaxSlots ? old.size() * 2 : kInitialSlots;
  slots_ = std::vector<Slot>(size);
  used_ = 0;
  if (size == kInitialSlots) return;  // the cache was full: start again
  for (const Slot& slot : old) {
    if (slot.wordLength == 0) continue;
    slots_[probe(slot.hash, std::string_view(slot.word, slot.wordLength))] = slot;
    ++used_;
  }
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

Stemmer::Stemmed Stemmer::stemLong(std::string_view word) {
  constexpr std::size_t kMaxLongWords = std::size_t{1} << 14;  // then this cache starts again
  auto found = longWords_.find(std::string(word));
  if (found == longWords_.end()) {
    if (longWords_.size() >= kMaxLongWords) longWords_.clear();
    const Stemmed fresh = stemUncached(word);
    found = longWords_
                .emplace(std::string(word),
                         LongStem{std::string(fresh.stem), fresh.hash, fresh.numberValue})
                .first;
  }
  return {found->second.stem, found->second.hash, found->second.numberValue};
}

Stemmer::Stemmed Stemmer::stemmedAfterMiss(std::string_view word, std::uint64_t key) {
  if (word.size() <= 2) {               // Porter2 leaves words of one or two letters as they are
    return {word, hashWord(word), -1};  // number words have three letters or more
  }
  if (word.size() > kInline) return stemLong(word);
  if (slots_.empty()) slots_.resize(kInitialSlots);  // after a move
  std::size_t index = probe(key, word);
  if (slots_[index].wordLength == 0) {
    const Stemmed fresh = stemUncached(word);
    if (fresh.stem.size() > kInline) return stemLong(word);
    if (2 * (used_ + 1) > slots_.size()) {
      grow();
      index = probe(key, word);
    }
    Slot& slot = slots_[index];
    slot.hash = key;
    slot.stemHash = fresh.hash;
    word.copy(slot.word, word.size());
    fresh.stem.copy(slot.stem, fresh.stem.size());
    slot.wordLength = static_cast<std::uint8_t>(word.size());
    slot.stemLength = static_cast<std::uint8_t>(fresh.stem.size());
    slot.numberValue = fresh.numberValue;
    slot.unchanged = fresh.stem == word;
    ++used_;
  }
  return stemIn(slots_[index], word);
}

}  // namespace mkrp::check::text
