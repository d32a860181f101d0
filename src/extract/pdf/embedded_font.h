// What can be learnt cheaply from an embedded font program without rendering it.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace mkrp::extract::pdf {

// The built-in encoding of a Type 1 font program (its clear-text part): glyph names by code,
// from "dup <code> /<name> put". False when the program uses StandardEncoding or none is found.
bool type1Encoding(std::string_view program, std::array<std::string, 256>& names);

}  // namespace mkrp::extract::pdf
