#include "check/text/word_set.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {

WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
  for (const std::string_view word : words) {
    // The norm the tokenizer gives the word in running text, and so the hash a token carries.
    const std::vector<std::string> norms = normalizePhrase(word);
    if (norms.size() != 1) {
      throw std::invalid_argument("a word set holds single words, not '" + std::string(word) + "'");
    }
    hashes_.push_back(hashWord(norms.front()));
    filter_ |= std::uint64_t{1} << (hashes_.back() & 63);
  }
}

}  // namespace mkrp::check::text
