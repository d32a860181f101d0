// The standard single-byte encodings of PDF text fonts, as code -> Unicode tables.
#pragma once

#include <array>
#include <string_view>

namespace mkrp::extract::pdf {

enum class BaseEncodingId { Standard, WinAnsi, MacRoman, MacExpert, PdfDoc, Symbol, ZapfDingbats };

struct BaseEncoding {
  std::array<char32_t, 256> unicode{};  // 0 where the encoding leaves a code undefined
};

// The table for `id`; built once, shared, thread-safe.
const BaseEncoding& baseEncoding(BaseEncodingId id);

// The encoding a /Encoding or /BaseEncoding name stands for; false for an unknown name.
bool encodingFromName(std::string_view name, BaseEncodingId& id);

}  // namespace mkrp::extract::pdf
