// Glyph names (as in a font's /Differences) to Unicode, after the Adobe Glyph List conventions.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::extract::pdf {

// The characters `name` stands for: a listed name ("fi" -> U+FB01), "uniXXXX[XXXX...]",
// "uXXXX[XX]", ligatures written with '_' ("f_f_i"), variants after '.' ignored ("a.sc").
// Empty when the name means nothing we know (e.g. "g23", "glyph7").
std::u32string glyphNameToUnicode(std::string_view name);

}  // namespace mkrp::extract::pdf
