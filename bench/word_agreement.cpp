#include "word_agreement.h"

#include <algorithm>
#include <cstdint>

namespace mkrp::bench {
namespace {

// Decodes the UTF-8 sequence at `at`, advancing it; invalid bytes decode as U+FFFD.
char32_t nextCodePoint(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  const int length = lead < 0x80         ? 1
                     : lead >> 5 == 0x6  ? 2
                     : lead >> 4 == 0xE  ? 3
                     : lead >> 3 == 0x1E ? 4
                                         : 0;
  if (length == 0 || at + static_cast<std::size_t>(length) > text.size()) {
    ++at;
    return U'\uFFFD';
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if ((byte(at + static_cast<std::size_t>(i)) & 0xC0) != 0x80) {
      ++at;
      return U'\uFFFD';
    }
    code = (code << 6) | (byte(at + static_cast<std::size_t>(i)) & 0x3F);
  }
  at += static_cast<std::size_t>(length);
  return code;
}

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
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Characters that vanish without splitting a word: soft hyphen, zero-width marks, BOM.
bool isInvisible(char32_t code) {
  return code == 0xAD || (code >= 0x200B && code <= 0x200D) || code == 0x2060 || code == 0xFEFF;
}

// Letters and digits outside ASCII, roughly: everything but the punctuation, symbol and
// private-use blocks that documents use for quotes, dashes, bullets and boxes.
bool isWordCodePoint(char32_t code) {
  if (code < 0x80) {
    return (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z') ||
           (code >= '0' && code <= '9');
  }
  if (code < 0xC0) return code == 0xAA || code == 0xB5 || code == 0xBA;  // Latin-1 punctuation
  if (code == 0xD7 || code == 0xF7) return false;                        // × ÷
  if (code >= 0x2000 && code <= 0x2BFF)
    return false;  // punctuation, arrows, math, shapes, dingbats
  if (code >= 0x2E00 && code <= 0x2E7F) return false;      // supplemental punctuation
  if (code >= 0x3000 && code <= 0x303F) return false;      // CJK punctuation
  if (code >= 0xE000 && code <= 0xF8FF) return false;      // private use (symbol-font bullets)
  if (code >= 0xFE10 && code <= 0xFE6F) return false;      // presentation forms of punctuation
  if (code >= 0xFF00 && code <= 0xFF0F) return false;      // fullwidth punctuation
  if (code == U'\uFFFD' || code >= 0x1F000) return false;  // replacement, emoji
  return true;
}

char32_t lowerCase(char32_t code) {
  if (code >= 'A' && code <= 'Z') return code + 32;
  if (code >= 0xC0 && code <= 0xDE && code != 0xD7) return code + 32;  // Latin-1 capitals
  if (code >= 0xFF21 && code <= 0xFF3A) return code - 0xFF21 + 'a';    // fullwidth capitals
  if (code >= 0xFF41 && code <= 0xFF5A) return code - 0xFF41 + 'a';
  if (code >= 0xFF10 && code <= 0xFF19) return code - 0xFF10 + '0';
  return code;
}

// Ligatures a PDF font may draw as one glyph: their letters.
std::u32string_view ligature(char32_t code) {
  switch (code) {
    case 0xFB00:
      return U"ff";
    case 0xFB01:
      return U"fi";
    case 0xFB02:
      return U"fl";
    case 0xFB03:
      return U"ffi";
    case 0xFB04:
      return U"ffl";
    case 0xFB05:
    case 0xFB06:
      return U"st";
    default:
      return {};
  }
}

}  // namespace

WordCounts countWords(std::string_view text) {
  WordCounts counts;
  std::string word;
  const auto endWord = [&] {
    if (!word.empty()) ++counts[word];
    word.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const char32_t code = nextCodePoint(text, at);
    if (isInvisible(code)) continue;
    if (const std::u32string_view letters = ligature(code); !letters.empty()) {
      for (char32_t letter : letters) appendUtf8(word, letter);
    } else if (isWordCodePoint(code)) {
      appendUtf8(word, lowerCase(code));
    } else {
      endWord();
    }
  }
  endWord();
  return counts;
}

double wordF1(const WordCounts& ours, const WordCounts& theirs) {
  long long common = 0, ourTotal = 0, theirTotal = 0;
  for (const auto& [word, count] : ours) {
    ourTotal += count;
    if (const auto it = theirs.find(word); it != theirs.end())
      common += std::min(count, it->second);
  }
  for (const auto& [word, count] : theirs) theirTotal += count;
  if (ourTotal == 0 && theirTotal == 0) return 1;
  if (common == 0) return 0;
  const double precision = static_cast<double>(common) / static_cast<double>(ourTotal);
  const double recall = static_cast<double>(common) / static_cast<double>(theirTotal);
  return 2 * precision * recall / (precision + recall);
}

}  // namespace mkrp::bench
