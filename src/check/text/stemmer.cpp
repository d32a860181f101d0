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
      used_(std::exchange(other.used_, 0)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
    slots_ = std::move(other.slots_);
    used_ = std::exchange(other.used_, 0);
  }
  return *this;
}

// The slot holding `word`, or the empty slot where it belongs.
std::size_t Stemmer::probe(std::uint64_t hash, std::string_view word) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t index = static_cast<std::size_t>(hash) & mask;
  while (slots_[index].used && (slots_[index].hash != hash || slots_[index].word != word)) {
    index = (index + 1) & mask;
  }
  return index;
}

void Stemmer::grow() {
  std::vector<Slot> old = std::move(slots_);
  const std::size_t size = old.size() < kMaxSlots ? old.size() * 2 : kInitialSlots;
  slots_ = std::vector<Slot>(size);
  used_ = 0;
  if (size == kInitialSlots) return;  // the cache was full: start again
  for (Slot& slot : old) {
    if (!slot.used) continue;
    slots_[probe(slot.hash, slot.word)] = std::move(slot);
    ++used_;
  }
}

const Stemmer::Stemmed& Stemmer::stemmed(std::string_view word) {
  if (word.size() <= 2) {  // Porter2 leaves words of one or two letters as they are
    short_.stem.assign(word);
    short_.hash = hashWord(word);
    short_.numberValue = -1;  // number words have three letters or more
    return short_;
  }
  if (slots_.empty()) slots_.resize(kInitialSlots);  // after a move
  const std::uint64_t hash = hashWord(word);
  std::size_t index = probe(hash, word);
  if (slots_[index].used) return slots_[index].stemmed;
  const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                        static_cast<int>(word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  if (2 * (used_ + 1) > slots_.size()) {
    grow();
    index = probe(hash, word);
  }
  Slot& slot = slots_[index];
  slot.hash = hash;
  slot.used = true;
  slot.word.assign(word);
  slot.stemmed.stem.assign(reinterpret_cast<const char*>(stemmed),
                           static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  slot.stemmed.hash = hashWord(slot.stemmed.stem);
  const auto value = numberWordValue(word);
  slot.stemmed.numberValue = value ? static_cast<std::int8_t>(*value) : std::int8_t{-1};
  ++used_;
  return slot.stemmed;
}

}  // namespace mkrp::check::text
