#include "check/text/utf8.h"

namespace mkrp::check::text::detail {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The lead byte's payload and the sequence length; length 0 for a byte that cannot lead.
std::uint32_t sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool isMinimal(char32_t value, std::uint32_t length) {
  if (length == 3) return value >= 0x800 && (value < 0xD800 || value > 0xDFFF);
  if (length == 4) return value >= 0x10000 && value <= 0x10FFFF;
  return true;
}

// U+0080 to U+00FF.
CharClass classifyLatin1(char32_t c) {
  if (c == 0xA0) return CharClass::Space;
  if (c == 0xAD) return CharClass::Invisible;
  if (c == 0xAB || c == 0xBB) return CharClass::Quote;
  if (c == 0xB4) return CharClass::Apostrophe;
  if (c == 0xB7) return CharClass::Bullet;
  if (c == 0xBC || c == 0xBD || c == 0xBE) return CharClass::Fraction;
  if (c == 0x85) return CharClass::LineBreak;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return c < 0xA0 ? CharClass::Space : CharClass::Other;
  return CharClass::Letter;
}

// U+2000 to U+206F, General Punctuation.
CharClass classifyGeneralPunctuation(char32_t c) {
  if (c <= 0x200A || c == 0x202F || c == 0x205F) return CharClass::Space;
  if (c >= 0x200B && c <= 0x200D) return CharClass::Invisible;
  if (c == 0x2060) return CharClass::Invisible;
  if (c >= 0x2010 && c <= 0x2015) return CharClass::Hyphen;
  if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032) return CharClass::Apostrophe;
  if (c == 0x201A || (c >= 0x201C && c <= 0x201F) || c == 0x2039 || c == 0x203A) {
    return CharClass::Quote;
  }
  if (c == 0x2022 || c == 0x2023 || c == 0x2043) return CharClass::Bullet;
  if (c == 0x2026) return CharClass::Ellipsis;
  if (c == 0x2028 || c == 0x2029) return CharClass::LineBreak;
  if (c == 0x2044) return CharClass::Slash;
  return CharClass::Other;
}

}  // namespace

CodePoint decodeAt(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::uint32_t length = sequenceLength(lead);
  if (length == 1) return {lead, 1};
  if (length == 0 || i + length > text.size()) return {kReplacement, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (!isContinuation(byte)) return {kReplacement, 1};
    value = (value << 6) | (byte & 0x3F);
  }
  if (!isMinimal(value, length)) return {kReplacement, 1};
  return {value, length};
}

CharClass classify(char32_t c) {
  if (c < 0x80) return classifyAscii(static_cast<unsigned char>(c));
  if (c < 0x100) return classifyLatin1(c);
  if (c >= 0x2000 && c <= 0x206F) return classifyGeneralPunctuation(c);
  if (c == 0x02BC) return CharClass::Apostrophe;
  if (c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D) return CharClass::Hyphen;
  if (c == 0x3000) return CharClass::Space;
  if (c == 0xFEFF) return CharClass::Invisible;
  if (c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0x25A0 || c == 0x25A1 || c == 0x25CB ||
      c == 0x27A2 || c == 0x2713 || c == 0x2714) {
    return CharClass::Bullet;
  }
  if (c >= 0xE000 && c <= 0xF8FF) return CharClass::Bullet;  // symbol-font glyphs in PDFs
  if (c >= 0xFB00 && c <= 0xFB06) return CharClass::Letter;  // ligatures
  if (c >= 0x2070 && c <= 0x2BFF) return CharClass::Other;   // super/subscripts, arrows, math
  if (c >= 0x3001 && c <= 0x303F) return CharClass::Other;   // CJK punctuation
  if (c == kReplacement || (c >= 0xFE00 && c <= 0xFE0F)) return CharClass::Other;
  return CharClass::Letter;
}

bool isUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  return c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D;
}

namespace {

char32_t toLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (!isUpper(c)) return c;
  if (c >= 0xC0 && c <= 0xDE) return c + 32;
  if (c == 0x178) return 0xFF;
  return c + 1;
}

void appendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

void appendFolded(char32_t c, std::string& out) {
  switch (c) {
    case 0xFB00:
      out += "ff";
      return;
    case 0xFB01:
      out += "fi";
      return;
    case 0xFB02:
      out += "fl";
      return;
    case 0xFB03:
      out += "ffi";
      return;
    case 0xFB04:
      out += "ffl";
      return;
    case 0xFB05:
    case 0xFB06:
      out += "st";
      return;
    default:
      appendUtf8(toLower(c), out);
  }
}

}  // namespace mkrp::check::text::detail
