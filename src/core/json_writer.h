// A small streaming JSON writer: output for large documents without building a tree first.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::core {

// Appends `text` to `out` as a JSON string literal (quotes included). Invalid UTF-8 bytes are
// replaced by U+FFFD so the output is always valid JSON.
void appendJsonString(std::string& out, std::string_view text);

// Appends a number the way JSON wants it: integers without a fraction, others with up to
// three decimals (enough for positions in points).
void appendJsonNumber(std::string& out, double value);

}  // namespace mkrp::core
