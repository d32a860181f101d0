// Word-level rules of the tokenizer: abbreviations, compounds broken at a line end,
// contractions, the written forms of numbers. Internal to check/text.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::check::text::detail::word_rules {

// True for words after which a full stop is an abbreviation mark, not the end of a sentence:
// titles and ranks, reference words that precede a number ("No.", "Sec."), Latin abbreviations
// and legal initialisms ("e.g.", "U.S.C."). `word` is lower case, without the periods.
bool isNonFinalAbbreviation(std::string_view word);

// True for a lower-case roman numeral of up to five letters made of i, v and x.
bool isRomanNumeral(std::string_view word);

// True for "st", "nd", "rd", "th" (after figures: an ordinal).
bool isOrdinalSuffix(std::string_view letters);

// Whether a word broken by a hyphen at a line end is one word ("investi-\ngation") or a
// compound ("high-\nrisk", "in-\nperson"). Both parts are lower case.
bool joinsAcrossLineBreak(std::string_view left, std::string_view right);

// The word a negated contraction's stem stands for ("wo" in "won't" is "will").
std::string_view expandNegatedStem(std::string_view stem);

// True for pronouns and adverbs whose "'s" is "is" ("there's no waiting period").
bool takesIsContraction(std::string_view stem);

// The word a contraction suffix stands for ("'ll" -> "will"), or empty.
std::string_view expandContractionSuffix(std::string_view suffix);

// The normalized digits of a number: no thousands separators, vulgar fractions as decimals
// ("1,000" -> "1000", "1½" -> "1.5").
std::string normalizeNumber(std::string_view written);

}  // namespace mkrp::check::text::detail::word_rules
