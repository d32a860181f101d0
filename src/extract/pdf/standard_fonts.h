// Approximate metrics of the standard 14 fonts, for files that name one without its /Widths.
#pragma once

#include <string_view>

namespace mkrp::extract::pdf {

enum class StandardFamily { Helvetica, HelveticaBold, Times, TimesBold, Courier, Other };

// The family a /BaseFont name resembles ("Arial,Bold" -> HelveticaBold, "ABCDEF+Times-Roman"
// -> Times); Other when it resembles none.
StandardFamily standardFamilyOf(std::string_view baseFont);

// The advance of `codePoint` in thousandths of the font size; an average for characters
// outside ASCII.
double standardWidth(StandardFamily family, char32_t codePoint);

}  // namespace mkrp::extract::pdf
