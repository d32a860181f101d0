// Turning a list counter into the text a word processor shows for it ("iv", "C", "12th").
#pragma once

#include <string>
#include <string_view>

namespace mkrp::extract::detail {

// `value` in WordprocessingML number format `format` (the w:numFmt values: "decimal",
// "lowerRoman", "upperLetter", "ordinal", "cardinalText", "decimalZero", ...). "bullet" and
// "none" give the empty string; formats this reader does not know fall back to decimal, as do
// values a format cannot show (roman numerals past 3999, letters for 0).
std::string formatNumber(int value, std::string_view format);

// `value` in OpenDocument style:num-format ("1", "a", "A", "i", "I"; empty for none).
// `letterSync` is style:num-letter-sync: "aa, bb" instead of "aa, ab" after "z".
std::string formatOdfNumber(int value, std::string_view format, bool letterSync);

}  // namespace mkrp::extract::detail
