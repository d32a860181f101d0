#include "check/text/stemmer.h"

#include <libstemmer.h>

#include <new>
#include <utility>

namespace mkrp::check::text {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) throw std::bad_alloc();
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

Stemmer::Stemmer(Stemmer&& other) noexcept
    : stemmer_(std::exchange(other.stemmer_, nullptr)), cache_(std::move(other.cache_)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

const std::string& Stemmer::stem(std::string_view word) {
  if (auto found = cache_.find(word); found != cache_.end()) return found->second;
  const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                        static_cast<int>(word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  std::string result(reinterpret_cast<const char*>(stemmed),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  if (cache_.size() >= kMaxCached) cache_.clear();
  return cache_.emplace(std::string(word), std::move(result)).first->second;
}

}  // namespace mkrp::check::text
