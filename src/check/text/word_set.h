// A fixed set of words that a token's lower-case form is compared with: auxiliaries, prepositions,
// the words a clause starts with. Rules ask it of token after token, and most tokens are none of
// the words, so a 64-bit filter of the words' norm hashes turns most tokens away with one test
// before any word is compared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text {

class WordSet {
 public:
  // `words` are lower-case single words, as Token::lower gives them; they must outlive the set
  // (string literals do). Throws std::invalid_argument for a word the tokenizer does not read as
  // one token.
  WordSet(std::initializer_list<std::string_view> words);

  // Whether the token's lower-case form is one of the words.
  bool has(const Token& token) const {
    if ((filter_ & (std::uint64_t{1} << (token.normHash & 63))) == 0) return false;
    for (std::size_t k = 0; k < words_.size(); ++k) {
      // A token whose lower form is a word has that word's norm; the hash is the cheaper test.
      if (hashes_[k] == token.normHash && words_[k] == token.lower) return true;
    }
    return false;
  }

 private:
  std::vector<std::string_view> words_;
  std::vector<std::uint64_t> hashes_;  // by word: the hash of its norm
  std::uint64_t filter_ = 0;           // a bit per norm hash of a word
};

}  // namespace mkrp::check::text
