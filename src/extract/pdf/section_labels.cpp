#include "extract/pdf/section_labels.h"

#include <array>

namespace mkrp::extract::pdf {
namespace {

constexpr std::size_t kMaxNumberDigits = 3;
constexpr std::size_t kMaxRomanLetters = 7;

constexpr std::array<std::string_view, 17> kBullets = {
    "\u2022", "\u00B7", "\u25AA", "\u25A0", "\u25A1", "\u25E6", "\u25CB", "\u25CF", "\u2023",
    "\u2043", "\u27A2", "\u2713", "\u2714", "\u2013", "-",      "*",      "o"};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isRomanUpper(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }
bool isRomanLower(char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c'; }

std::size_t countWhile(std::string_view text, std::size_t from, bool (*predicate)(char)) {
  std::size_t n = 0;
  while (from + n < text.size() && predicate(text[from + n])) ++n;
  return n;
}

// "4", "4.2", "4.2.1." ... ; requires a period somewhere, so "2019" or "10" is no label.
Label decimal(std::string_view text) {
  std::size_t pos = 0;
  int parts = 0;
  bool period = false;
  while (true) {
    const std::size_t digits = countWhile(text, pos, isDigit);
    if (digits == 0 || digits > kMaxNumberDigits) break;
    pos += digits;
    ++parts;
    if (pos < text.size() && text[pos] == '.') {
      period = true;
      ++pos;
      continue;
    }
    break;
  }
  if (parts == 0 || !period) return {};
  return {LabelKind::Decimal, pos, parts};
}

// "IV.", "iv.", "A.", "b." with the period.
Label romanOrLetter(std::string_view text) {
  if (text.size() >= 2 && (isUpper(text[0]) || isLower(text[0])) && text[1] == '.') {
    return {isRomanUpper(text[0]) || isRomanLower(text[0]) ? LabelKind::Roman : LabelKind::Letter,
            2, 1};
  }
  std::size_t n = countWhile(text, 0, isRomanUpper);
  if (n == 0) n = countWhile(text, 0, isRomanLower);
  if (n == 0 || n > kMaxRomanLetters || n >= text.size() || text[n] != '.') return {};
  return {LabelKind::Roman, n + 1, 1};
}

bool isLabelBody(std::string_view body) {
  if (body.empty()) return false;
  if (countWhile(body, 0, isDigit) == body.size()) return body.size() <= kMaxNumberDigits;
  if (body.size() == 1) return isUpper(body[0]) || isLower(body[0]);
  return countWhile(body, 0, isRomanUpper) == body.size() ||
         (countWhile(body, 0, isRomanLower) == body.size() && body.size() <= kMaxRomanLetters);
}

// "(a)", "(12)", "(iv)", "a)", "12)".
Label parenthesized(std::string_view text) {
  const std::size_t open = !text.empty() && text[0] == '(' ? 1 : 0;
  const std::size_t close = text.find(')', open);
  if (close == std::string_view::npos || close > open + kMaxRomanLetters) return {};
  if (!isLabelBody(text.substr(open, close - open))) return {};
  return {LabelKind::Parenthesized, close + 1, 1};
}

Label bullet(std::string_view text) {
  for (std::string_view mark : kBullets) {
    if (text.substr(0, mark.size()) == mark) return {LabelKind::Bullet, mark.size(), 1};
  }
  return {};
}

Label labelAtStart(std::string_view text) {
  if (text.empty()) return {};
  for (Label (*find)(std::string_view) : {decimal, romanOrLetter, parenthesized, bullet}) {
    const Label label = find(text);
    if (label.kind != LabelKind::None) return label;
  }
  return {};
}

}  // namespace

Label findLabel(std::string_view text) {
  const Label label = labelAtStart(text);
  if (label.kind == LabelKind::None || label.length + 1 >= text.size() ||
      text[label.length] != ' ') {
    return {};
  }
  return label;
}

bool isLabelOnly(std::string_view text) {
  const Label label = labelAtStart(text);
  return label.kind != LabelKind::None && label.length == text.size();
}

}  // namespace mkrp::extract::pdf
