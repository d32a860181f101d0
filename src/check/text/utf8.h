// UTF-8 decoding and the character classes the tokenizer needs. Internal to check/text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mkrp::check::text::detail {

// One decoded code point and how many bytes it took. Invalid or truncated sequences decode as
// U+FFFD with length 1, so a scan always advances.
struct CodePoint {
  char32_t value = 0;
  std::uint32_t length = 1;
};

// Decodes the code point starting at byte `i`. REQUIRES: i < text.size().
CodePoint decodeAt(std::string_view text, std::size_t i);

// What a character is to the tokenizer. Unicode punctuation is folded into the ASCII roles
// (curly quotes are quotes, en and em dashes are hyphens, non-breaking spaces are spaces).
enum class CharClass {
  Space,       // blanks, tabs, no-break and other Unicode spaces
  LineBreak,   // '\n', '\r', U+2028, U+2029
  Letter,      // ASCII letters and every other letter-like code point
  Digit,       // ASCII 0-9
  Fraction,    // ¼ ½ ¾
  Apostrophe,  // ' ’ ‘ ʼ: an apostrophe inside a word, a quote elsewhere
  Quote,       // " “ ” „ « »
  Hyphen,      // - ‐ ‑ ‒ – — ― −
  Invisible,   // soft hyphen and zero-width characters: dropped, even inside a word
  Period,      // .
  Ellipsis,    // …
  Terminator,  // ? !
  Comma,       // ,
  Semicolon,   // ;
  Colon,       // :
  OpenParen,   // ( [ {
  CloseParen,  // ) ] }
  Slash,       // / \ (U+2044 fraction slash too)
  Ampersand,   // &
  Bullet,      // • ◦ ▪ ● and the private-use bullets of symbol fonts
  Other,       // anything else: § # % $ @ * and symbols
};

// The class of one code point.
CharClass classify(char32_t c);

constexpr CharClass classifyAsciiSlow(unsigned char c) {
  if (c >= 'a' && c <= 'z') return CharClass::Letter;
  if (c >= 'A' && c <= 'Z') return CharClass::Letter;
  if (c >= '0' && c <= '9') return CharClass::Digit;
  switch (c) {
    case ' ':
    case '\t':
    case '\v':
    case '\f':
      return CharClass::Space;
    case '\n':
    case '\r':
      return CharClass::LineBreak;
    case '\'':
    case '`':
      return CharClass::Apostrophe;
    case '"':
      return CharClass::Quote;
    case '-':
      return CharClass::Hyphen;
    case '.':
      return CharClass::Period;
    case '?':
    case '!':
      return CharClass::Terminator;
    case ',':
      return CharClass::Comma;
    case ';':
      return CharClass::Semicolon;
    case ':':
      return CharClass::Colon;
    case '(':
    case '[':
    case '{':
      return CharClass::OpenParen;
    case ')':
    case ']':
    case '}':
      return CharClass::CloseParen;
    case '/':
    case '\\':
      return CharClass::Slash;
    case '&':
      return CharClass::Ampersand;
    default:
      return c < 0x20 ? CharClass::Space : CharClass::Other;
  }
}

// ASCII is most of every document: its classes come from a table built at compile time.
inline constexpr std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> classes{};
  for (unsigned char c = 0; c < 128; ++c) classes[c] = classifyAsciiSlow(c);
  return classes;
}();

// The class of an ASCII byte. REQUIRES: c < 0x80.
inline CharClass classifyAscii(unsigned char c) { return kAsciiClasses[c]; }

// True for an upper-case letter (ASCII, Latin-1 and Latin Extended-A).
bool isUpper(char32_t c);

// Appends the lower-case form of a letter or digit to `out`; the common ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ)
// are expanded to their letters.
void appendFolded(char32_t c, std::string& out);

}  // namespace mkrp::check::text::detail
