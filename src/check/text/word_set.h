// A fixed set of words that a token's lower-case form is compared with: auxiliaries, prepositions,
// the words a clause starts with. Rules ask it of token after token, and most tokens are none of
// the words, so a 64-bit filter of the words' norm hashes turns most tokens away with one test
// before any word is compared.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text {

class WordSet {
 public:
  // `words` are lower-case single words, as Token::lower gives them; they must outlive the set
  // (string literals do).
  WordSet(std::initializer_list<std::string_view> words);

  // Whether the token's lower-case form is one of the words.
  bool has(const Token& token) const {
    if ((filter_ & (std::uint64_t{1} << (token.normHash & 63))) == 0) return false;
    return std::find(words_.begin(), words_.end(), token.lower) != words_.end();
  }

 private:
  std::vector<std::string_view> words_;
  // A bit per norm hash of a word: a token whose lower form is a word has that word's norm.
  std::uint64_t filter_ = 0;
};

}  // namespace mkrp::check::text
