// Escaping text for HTML element content and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::render {

// Appends `text` to `out` with &, <, >, " and ' escaped.
void appendEscaped(std::string& out, std::string_view text);

}  // namespace mkrp::render
