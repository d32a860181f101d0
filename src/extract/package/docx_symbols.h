// The character a w:sym element stands for.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::extract::detail {

// UTF-8 for w:sym with w:font `font` and hex code `hexCode`. Symbol-font codes (often written
// in the private-use range F020-F0FF) map to their Unicode equivalents, a few common Wingdings
// to check marks and boxes; anything else in the private-use range gives the empty string.
std::string symbolCharacter(std::string_view font, std::string_view hexCode);

// Appends code point `code` to `out` as UTF-8.
void appendUtf8(std::string& out, char32_t code);

}  // namespace mkrp::extract::detail
