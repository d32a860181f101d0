#include "check/text/stemmer.h"

#include <libstemmer.h>

#include <cstring>
#include <new>
#include <utility>

namespace mkrp::check::text {

namespace {

// A quick hash of a short word: its first eight bytes as a number, mixed with the rest and the
// length. Words are rarely longer than sixteen bytes.
std::uint64_t hashWord(std::string_view word) {
  std::uint64_t hash = word.size() * 0x9E3779B97F4A7C15ull;
  std::size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    hash = (hash ^ chunk) * 0xFF51AFD7ED558CCDull;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, word.data() + i, word.size() - i);
  hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return hash ^ (hash >> 29);
}

}  // namespace

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

const std::string& Stemmer::stem(std::string_view word) {
  if (word.size() <= 2) {  // Porter2 leaves words of one or two letters as they are
    short_.assign(word);
    return short_;
  }
  if (slots_.empty()) slots_.resize(kInitialSlots);  // after a move
  const std::uint64_t hash = hashWord(word);
  std::size_t index = probe(hash, word);
  if (slots_[index].used) return slots_[index].stem;
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
  slot.stem.assign(reinterpret_cast<const char*>(stemmed),
                   static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  ++used_;
  return slot.stem;
}

}  // namespace mkrp::check::text
