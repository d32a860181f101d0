#include "check/text/word_set.h"

#include <string>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {

WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
  for (const std::string_view word : words) {
    // The norm the tokenizer gives the word in running text, and so the hash a token carries.
    for (const std::string& norm : normalizePhrase(word)) {
      filter_ |= std::uint64_t{1} << (hashWord(norm) & 63);
    }
  }
}

}  // namespace mkrp::check::text
