#include "extract/pdf/unicode_text.h"

#include <vector>

#include "extract/pdf/encodings.h"

namespace mkrp::extract::pdf {

void appendUtf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool appendReadable(std::string& out, char32_t c) {
  switch (c) {
    case 0xFB00:
      out += "ff";
      return true;
    case 0xFB01:
      out += "fi";
      return true;
    case 0xFB02:
      out += "fl";
      return true;
    case 0xFB03:
      out += "ffi";
      return true;
    case 0xFB04:
      out += "ffl";
      return true;
    case 0xFB05:
    case 0xFB06:
      out += "st";
      return true;
    case 0x0132:
      out += "IJ";
      return true;
    case 0x0133:
      out += "ij";
      return true;
    // Symbol fonts (Wingdings, Symbol) put their bullets in the private use area.
    case 0xF0B7:
    case 0xF0A7:
    case 0xF06C:
    case 0xF0D8:
    case 0xF0FC:
    case 0xF076:
    case 0xF06E:
      appendUtf8(out, 0x2022);
      return true;
    default:
      break;
  }
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  if (c == 0x7F || (c >= 0x80 && c < 0xA0)) return false;
  if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) return false;
  // Fullwidth ASCII forms read as ASCII.
  if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
  appendUtf8(out, c);
  return true;
}

void appendUtf16Readable(std::string& out, const std::uint16_t* units, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    char32_t c = units[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < count && units[i + 1] >= 0xDC00 &&
        units[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      ++i;
    }
    appendReadable(out, c);
  }
}

char32_t nextUtf8(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos++]);
  if (lead < 0x80) return lead;
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t c = lead & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (static_cast<unsigned char>(text[pos++]) & 0x3F);
  }
  return c;
}

std::string pdfTextString(std::string_view bytes) {
  std::string out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    std::vector<std::uint16_t> units;
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      units.push_back(static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                                 static_cast<unsigned char>(bytes[i + 1])));
    }
    appendUtf16Readable(out, units.data(), units.size());
    return out;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::size_t pos = 3;
    while (pos < bytes.size()) appendReadable(out, nextUtf8(bytes, pos));
    return out;
  }
  const BaseEncoding& docEncoding = baseEncoding(BaseEncodingId::PdfDoc);
  for (unsigned char byte : bytes) appendReadable(out, docEncoding.unicode[byte]);
  return out;
}

bool isSpaceCharacter(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F;
}

}  // namespace mkrp::extract::pdf
