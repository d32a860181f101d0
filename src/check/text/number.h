// Quantities written in figures or in words: "24", "1.5", "1/2", "1 1/2", "½", "twenty-four",
// "one hundred eighty", "two (2)", "one and a half".
#pragma once

#include <optional>
#include <span>

#include "check/text/token.h"

namespace mkrp::check::text {

struct NumberReading {
  double value = 0;
  TokenRange tokens;     // every token the number is written with, "(2)" included
  bool inWords = false;  // written in words ("two", "two (2)" too)
};

// Returns the quantity that starts at token `i`, or nothing. Reads figures (not section labels
// like "4.2.1"), fractions with a slash and a denominator up to 10 ("1/2", "1 1/2"), number words
// from zero to 999 ("twenty four", "twenty-four", "one hundred and eighty"), a word number
// followed by its figures in parentheses ("thirty (30)": the figures win if they differ) or the
// other way round ("2 (two)"), and a trailing "and a half". "a", "an" and "half" alone are not
// numbers here: whether "a day" is a quantity is for the caller to decide.
std::optional<NumberReading> readNumber(std::span<const Token> tokens, std::size_t i);

// The value of a number word from "zero" to "ninety", or nothing.
std::optional<int> numberWordValue(std::string_view lower);

}  // namespace mkrp::check::text
