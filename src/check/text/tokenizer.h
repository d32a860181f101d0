// Turns a block's UTF-8 text into a stream of normalized tokens with byte positions and sentence
// numbers. Checklist phrases go through the same pipeline (normalizePhrase), so a phrase and the
// text match exactly when their token norms are equal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/text/stemmer.h"
#include "check/text/token.h"

namespace mkrp::check::text {

// Reads text into tokens. What it does, in order:
// - folds case and Unicode punctuation: curly quotes and apostrophes, en/em and other dashes,
//   no-break and other spaces, soft hyphens and zero-width characters, ligatures (ﬁ -> fi);
// - joins a word broken by a hyphen at a line end ("investi-\ngation" -> "investigation"), unless
//   the break is after a number or a common compound head ("24-\nhour", "high-\nrisk");
// - splits compounds and letter/digit runs into words: "24-hour" and "24 hour" and "24hour" give
//   the same tokens "24" "hour"; ordinals ("2nd") stay one token;
// - drops the possessive "'s" and expands contractions ("won't" -> "will" "not"); reads "&" as
//   the word "and";
// - reads "U.S.C.", "e.g." as one token each ("usc", "eg") and "4.2.1" as one number; gives
//   number words their value (Token::wordValue);
// - numbers sentences: a sentence ends at '?', '!', a full stop followed by a capital, a digit or
//   the end, a blank line, a bullet, or a line starting with a list label ("1.", "(a)"). A full
//   stop after a title or reference abbreviation ("Dept.", "No.", "Sgt.", "e.g."), after a single
//   letter, after a list label at a sentence start ("1.", "IV.") or before a lower-case word
//   ("approx. two", "hrs. of") does not end the sentence.
// Not thread-safe (it owns a Stemmer); use one Tokenizer per thread. Deterministic: the same text
// always gives the same tokens.
class Tokenizer {
 public:
  // Throws std::bad_alloc only.
  Tokenizer() = default;

  // Returns the tokens of `utf8`, in text order. Invalid UTF-8 bytes are read as symbols.
  // REQUIRES: utf8.size() < 4 GiB (offsets are 32-bit).
  TokenList tokenize(std::string_view utf8);
  // Same, into `out` (its previous contents are replaced, its memory reused).
  void tokenize(std::string_view utf8, TokenList& out);
  // Same, appending to `out` after the tokens it holds, which do not affect how `utf8` is read;
  // the appended tokens' sentence numbers start at 0.
  void append(std::string_view utf8, TokenList& out);

  // Returns the token norms of a checklist phrase, read exactly as text is read.
  std::vector<std::string> normalizePhrase(std::string_view phrase);

 private:
  Stemmer stemmer_;
  std::string folded_;                 // scratch: the folded characters of the current word
  std::vector<std::uint32_t> starts_;  // scratch: original start byte of each folded byte
  std::vector<std::uint32_t> ends_;    // scratch: original end byte of each folded byte
};

// The calling thread's tokenizer: a Tokenizer is not thread-safe, and one per thread, reused for
// every text and phrase it reads, keeps its stem cache warm.
Tokenizer& threadTokenizer();
// Tokenizer::tokenize with the calling thread's tokenizer. Thread-safe.
TokenList tokenize(std::string_view utf8);
// Tokenizer::normalizePhrase with the calling thread's tokenizer. Thread-safe.
std::vector<std::string> normalizePhrase(std::string_view phrase);

}  // namespace mkrp::check::text
