// Sentences and clauses of a token stream: the scope within which negation and modality are read.
#pragma once

#include <cstdint>
#include <span>

#include "check/text/token.h"

namespace mkrp::check::text {

// Returns the tokens of the sentence that token `i` is in. REQUIRES: i < tokens.size().
TokenRange sentenceOf(std::span<const Token> tokens, std::size_t i);

// True when token `k` starts a clause. A clause starts at:
// - the first token and every sentence start;
// - a token after a semicolon;
// - a contrast or exception word: "but", "unless", "except", "however", "although", "though",
//   "whereas", "otherwise", "until" (so "not ... until 24 hours" leaves the 24 hours outside the
//   negation); "but" does not start one in "but also" or "including but not limited to";
// - "and", "or", "nor" directly followed by a modal, an auxiliary or "not" ("and will not ...");
// - "and", "or", "but", "so" after a comma, with a new subject and its verb (", and the
//   Department does not require ...");
// - "which", "who", "whereby" after a comma.
// Commas alone do not end a clause: "Officers shall, when practical, enter ..." is one clause.
bool startsClause(std::span<const Token> tokens, std::size_t k);

// Returns the clause around `span`: from the nearest clause start at or before span.begin to
// the next clause start after the span's last token. REQUIRES: span is non-empty and inside tokens.
TokenRange clauseOf(std::span<const Token> tokens, TokenRange span);
// Same, remembering in `known` what it learns of each token it reads (0: not read yet, 1: starts
// no clause, 2: starts one), for a caller that reads many spans of the same tokens: a token is
// then read once, however many clauses it is in. REQUIRES: known.size() == tokens.size(), all 0
// at first.
TokenRange clauseOf(std::span<const Token> tokens, TokenRange span, std::span<std::uint8_t> known);

}  // namespace mkrp::check::text
