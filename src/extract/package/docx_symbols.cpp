#include "extract/package/docx_symbols.h"

#include <array>
#include <charconv>

namespace mkrp::extract::detail {
namespace {

// The Symbol font's characters 0x20..0xFF in Unicode (0: nothing sensible to show).
constexpr std::array<char32_t, 224> kSymbolFont{
    // 0x20
    U' ',
    U'!',
    U'\u2200',
    U'#',
    U'\u2203',
    U'%',
    U'&',
    U'\u220B',
    U'(',
    U')',
    U'\u2217',
    U'+',
    U',',
    U'\u2212',
    U'.',
    U'/',
    // 0x30
    U'0',
    U'1',
    U'2',
    U'3',
    U'4',
    U'5',
    U'6',
    U'7',
    U'8',
    U'9',
    U':',
    U';',
    U'<',
    U'=',
    U'>',
    U'?',
    // 0x40
    U'\u2245',
    U'\u0391',
    U'\u0392',
    U'\u03A7',
    U'\u0394',
    U'\u0395',
    U'\u03A6',
    U'\u0393',
    U'\u0397',
    U'\u0399',
    U'\u03D1',
    U'\u039A',
    U'\u039B',
    U'\u039C',
    U'\u039D',
    U'\u039F',
    // 0x50
    U'\u03A0',
    U'\u0398',
    U'\u03A1',
    U'\u03A3',
    U'\u03A4',
    U'\u03A5',
    U'\u03C2',
    U'\u03A9',
    U'\u039E',
    U'\u03A8',
    U'\u0396',
    U'[',
    U'\u2234',
    U']',
    U'\u22A5',
    U'_',
    // 0x60
    U'\u203E',
    U'\u03B1',
    U'\u03B2',
    U'\u03C7',
    U'\u03B4',
    U'\u03B5',
    U'\u03C6',
    U'\u03B3',
    U'\u03B7',
    U'\u03B9',
    U'\u03D5',
    U'\u03BA',
    U'\u03BB',
    U'\u03BC',
    U'\u03BD',
    U'\u03BF',
    // 0x70
    U'\u03C0',
    U'\u03B8',
    U'\u03C1',
    U'\u03C3',
    U'\u03C4',
    U'\u03C5',
    U'\u03D6',
    U'\u03C9',
    U'\u03BE',
    U'\u03C8',
    U'\u03B6',
    U'{',
    U'|',
    U'}',
    U'\u223C',
    0,
    // 0x80
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    // 0x90
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    // 0xA0
    U'\u20AC',
    U'\u03D2',
    U'\u2032',
    U'\u2264',
    U'\u2044',
    U'\u221E',
    U'\u0192',
    U'\u2663',
    U'\u2666',
    U'\u2665',
    U'\u2660',
    U'\u2194',
    U'\u2190',
    U'\u2191',
    U'\u2192',
    U'\u2193',
    // 0xB0
    U'\u00B0',
    U'\u00B1',
    U'\u2033',
    U'\u2265',
    U'\u00D7',
    U'\u221D',
    U'\u2202',
    U'\u2022',
    U'\u00F7',
    U'\u2260',
    U'\u2261',
    U'\u2248',
    U'\u2026',
    U'\u23D0',
    U'\u23AF',
    U'\u21B5',
    // 0xC0
    U'\u2135',
    U'\u2111',
    U'\u211C',
    U'\u2118',
    U'\u2297',
    U'\u2295',
    U'\u2205',
    U'\u2229',
    U'\u222A',
    U'\u2283',
    U'\u2287',
    U'\u2284',
    U'\u2282',
    U'\u2286',
    U'\u2208',
    U'\u2209',
    // 0xD0
    U'\u2220',
    U'\u2207',
    U'\u00AE',
    U'\u00A9',
    U'\u2122',
    U'\u220F',
    U'\u221A',
    U'\u22C5',
    U'\u00AC',
    U'\u2227',
    U'\u2228',
    U'\u21D4',
    U'\u21D0',
    U'\u21D1',
    U'\u21D2',
    U'\u21D3',
    // 0xE0
    U'\u25CA',
    U'\u2329',
    U'\u00AE',
    U'\u00A9',
    U'\u2122',
    U'\u2211',
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    // 0xF0
    0,
    U'\u232A',
    U'\u222B',
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
};

// The Wingdings characters that directives use as bullets and check boxes.
char32_t wingdings(unsigned code) {
  switch (code) {
    case 0x6C:
      return U'\u25CF';
    case 0x6E:
      return U'\u25A0';
    case 0x6F:
      return U'\u25A1';
    case 0x71:
      return U'\u2751';
    case 0x76:
      return U'\u2756';
    case 0xA7:
      return U'\u25AA';
    case 0xA8:
      return U'\u25FB';
    case 0xD8:
      return U'\u27A2';
    case 0xFB:
      return U'\u2717';
    case 0xFC:
      return U'\u2713';
    case 0xFD:
      return U'\u2612';
    case 0xFE:
      return U'\u2611';
    default:
      return 0;
  }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

void appendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x110000) {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::string symbolCharacter(std::string_view font, std::string_view hexCode) {
  unsigned code = 0;
  const auto [end, error] =
      std::from_chars(hexCode.data(), hexCode.data() + hexCode.size(), code, 16);
  if (error != std::errc() || end == hexCode.data()) return {};
  const bool privateUse = code >= 0xF000 && code <= 0xF0FF;
  const unsigned fontCode = privateUse ? code - 0xF000 : code;
  char32_t mapped = 0;
  if (equalsIgnoringCase(font, "Symbol") && fontCode >= 0x20 && fontCode <= 0xFF) {
    mapped = kSymbolFont[fontCode - 0x20];
  } else if (font.substr(0, 9) == "Wingdings" || font.substr(0, 9) == "wingdings") {
    mapped = wingdings(fontCode);
  } else if (privateUse) {
    mapped = fontCode >= 0x20 && fontCode < 0x7F ? fontCode : 0;
  } else if (code >= 0x20 && !(code >= 0xD800 && code <= 0xDFFF) && code < 0x110000) {
    mapped = code;
  }
  std::string out;
  if (mapped != 0) appendUtf8(out, mapped);
  return out;
}

}  // namespace mkrp::extract::detail
