#include "check/text/clause.h"

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "check/text/word_set.h"

namespace mkrp::check::text {

namespace {

bool lowerIs(std::span<const Token> tokens, std::size_t i,
             std::initializer_list<std::string_view> words) {
  if (i >= tokens.size()) return false;
  for (std::string_view word : words) {
    if (tokens[i].lower == word) return true;
  }
  return false;
}

bool isContrast(std::span<const Token> tokens, std::size_t k) {
  if (lowerIs(
          tokens, k,
          {"unless", "except", "however", "although", "though", "whereas", "otherwise", "until"})) {
    return true;
  }
  if (!lowerIs(tokens, k, {"but"})) return false;
  if (lowerIs(tokens, k + 1, {"also"})) return false;
  if (k > 0 && lowerIs(tokens, k - 1, {"including", "include", "includes"})) return false;
  return !(lowerIs(tokens, k + 1, {"not"}) && lowerIs(tokens, k + 2, {"limited"}));
}

// "and will", "or may", "and not": a conjunction that starts a new predicate.
bool startsPredicate(std::span<const Token> tokens, std::size_t k) {
  if (!lowerIs(tokens, k, {"and", "or", "nor"})) return false;
  if (k > 0 && lowerIs(tokens, k - 1, {"whether"})) return false;
  if (k + 1 >= tokens.size() || tokens[k + 1].has(Gap::Sentence)) return false;
  return lowerIs(tokens, k + 1, {"shall", "will",  "must", "may",  "should", "can",  "could",
                                 "would", "might", "is",   "are",  "was",    "were", "do",
                                 "does",  "did",   "has",  "have", "need",   "not",  "never"});
}

// ", and the Department does not require ...": after a comma, a conjunction with a new subject
// and its verb starts a clause of its own, so a negation in it does not reach back over the
// clause before. A list ("the parents, siblings, and the babysitter") has no verb after it.
bool startsCoordinateClause(std::span<const Token> tokens, std::size_t k) {
  if (!tokens[k].has(Gap::Comma) || !lowerIs(tokens, k, {"and", "or", "but", "so"})) return false;
  if (!lowerIs(tokens, k + 1, {"the", "a",    "an",  "this", "that",  "these", "those", "he",
                               "she", "they", "it",  "we",   "you",   "each",  "every", "all",
                               "no",  "any",  "his", "her",  "their", "its"})) {
    return false;
  }
  constexpr std::size_t kSubjectWords = 4;  // "the on-duty shift supervisor"
  for (std::size_t j = k + 2; j < tokens.size() && j <= k + 1 + kSubjectWords; ++j) {
    if (tokens[j].sentence != tokens[k].sentence || tokens[j].has(Gap::Comma)) return false;
    if (lowerIs(tokens, j, {"shall", "will",  "must", "may",  "should", "can",  "could",
                            "would", "might", "is",   "are",  "was",    "were", "do",
                            "does",  "did",   "has",  "have", "need",   "not",  "never"})) {
      return true;
    }
  }
  return false;
}

// Whether `token` may be one of the words a clause starts with (the contrast words, the
// conjunctions and the relative pronouns above): a token that is none of them starts a clause
// only at a sentence start or after a semicolon, and that is nearly every token.
bool mayStartClause(const Token& token) {
  static const WordSet kWords = {"unless",    "except", "however", "although", "though", "whereas",
                                 "otherwise", "until",  "but",     "and",      "or",     "nor",
                                 "so",        "which",  "who",     "whereby"};
  return kWords.has(token);
}

// The clause around `span`, with `starts(k)` telling whether token k starts one.
template <typename Starts>
TokenRange clauseAround(std::span<const Token> tokens, TokenRange span, Starts starts) {
  std::size_t begin = span.begin;
  while (!starts(begin)) --begin;
  std::size_t end = span.end;
  while (end < tokens.size() && !starts(end)) ++end;
  return {begin, end};
}

}  // namespace

TokenRange sentenceOf(std::span<const Token> tokens, std::size_t i) {
  std::size_t begin = i;
  while (begin > 0 && tokens[begin - 1].sentence == tokens[i].sentence) --begin;
  std::size_t end = i + 1;
  while (end < tokens.size() && tokens[end].sentence == tokens[i].sentence) ++end;
  return {begin, end};
}

bool startsClause(std::span<const Token> tokens, std::size_t k) {
  if (k == 0) return true;
  if (k >= tokens.size()) return false;
  const Token& token = tokens[k];
  if (token.sentence != tokens[k - 1].sentence || token.has(Gap::Semicolon)) return true;
  if (!mayStartClause(token)) return false;
  if (isContrast(tokens, k) || startsPredicate(tokens, k) || startsCoordinateClause(tokens, k)) {
    return true;
  }
  return token.has(Gap::Comma) && lowerIs(tokens, k, {"which", "who", "whereby"});
}

TokenRange clauseOf(std::span<const Token> tokens, TokenRange span, std::span<std::uint8_t> known) {
  return clauseAround(tokens, span, [&](std::size_t k) {
    if (known[k] == 0) known[k] = startsClause(tokens, k) ? 2 : 1;
    return known[k] == 2;
  });
}

TokenRange clauseOf(std::span<const Token> tokens, TokenRange span) {
  return clauseAround(tokens, span, [&](std::size_t k) { return startsClause(tokens, k); });
}

}  // namespace mkrp::check::text
