#include "check/text/number.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>

namespace mkrp::check::text {

namespace {

bool isWord(std::span<const Token> tokens, std::size_t i, std::string_view lower) {
  return i < tokens.size() && tokens[i].lower == lower && !tokens[i].has(Gap::Sentence);
}

// The value of a number written in figures ("24", "1.5", "1,000"), or nothing for labels such as
// "4.2.1" and for ordinals.
std::optional<double> figureValue(const Token& token) {
  if (!token.isNumber()) return std::nullopt;
  const std::string_view norm = token.norm;
  // Most figures are whole numbers: read here, as the general parser would read them.
  if (!norm.empty() && norm.size() <= 15 &&
      std::all_of(norm.begin(), norm.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t whole = 0;
    for (const char c : norm) whole = whole * 10 + (c - '0');
    return static_cast<double>(whole);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(norm.data(), norm.data() + norm.size(), value);
  if (error != std::errc() || end != norm.data() + norm.size()) return std::nullopt;
  return value;
}

struct Partial {
  double value;
  std::size_t next;
};

// "seven", "nineteen", "twenty", "twenty-four", "twenty four".
std::optional<Partial> belowHundred(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size() || tokens[i].wordValue < 0) return std::nullopt;
  const int value = tokens[i].wordValue;
  const bool joined =
      i + 1 < tokens.size() && !tokens[i + 1].has(Gap::Sentence) && !tokens[i + 1].has(Gap::Comma);
  if (value >= 20 && joined) {
    const int unit = tokens[i + 1].wordValue;
    if (unit >= 1 && unit <= 9) return Partial{double(value + unit), i + 2};
  }
  return Partial{double(value), i + 1};
}

// "one hundred", "one hundred and eighty", "one hundred twenty".
std::optional<Partial> wordNumber(std::span<const Token> tokens, std::size_t i) {
  auto first = belowHundred(tokens, i);
  if (!first || !isWord(tokens, first->next, "hundred")) return first;
  Partial result{first->value * 100, first->next + 1};
  std::size_t rest = result.next;
  if (isWord(tokens, rest, "and")) ++rest;
  if (const auto tail = belowHundred(tokens, rest)) {
    result.value += tail->value;
    result.next = tail->next;
  }
  return result;
}

// "(two)" right after a number in figures: returns the token after it, or 0.
std::size_t parenthesizedWords(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size() || !tokens[i].has(Gap::OpenParen)) return 0;
  const auto words = belowHundred(tokens, i);
  if (!words) return 0;
  const bool closed = words->next == tokens.size() || tokens[words->next].has(Gap::CloseParen);
  return closed ? words->next : 0;
}

// "(30)" right after a number in words: returns its value and the token after it.
std::optional<Partial> parenthesizedFigures(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size() || !tokens[i].has(Gap::OpenParen)) return std::nullopt;
  const auto value = figureValue(tokens[i]);
  if (!value) return std::nullopt;
  const bool closed = i + 1 == tokens.size() || tokens[i + 1].has(Gap::CloseParen);
  if (!closed) return std::nullopt;
  return Partial{*value, i + 1};
}

// "1/2" at `i`: a proper fraction with a small denominator.
std::optional<Partial> fraction(std::span<const Token> tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || !tokens[i + 1].has(Gap::Slash)) return std::nullopt;
  if (tokens[i + 1].gapBefore != static_cast<std::uint16_t>(Gap::Slash)) return std::nullopt;
  const auto top = figureValue(tokens[i]);
  const auto bottom = figureValue(tokens[i + 1]);
  if (!top || !bottom || *bottom < 2 || *bottom > 10 || *top >= *bottom) return std::nullopt;
  return Partial{*top / *bottom, i + 2};
}

// Figures, a fraction, or a whole number and a fraction ("1 1/2").
std::optional<Partial> figures(std::span<const Token> tokens, std::size_t i) {
  if (auto proper = fraction(tokens, i)) return proper;
  const auto value = figureValue(tokens[i]);
  if (!value) return std::nullopt;
  // A figure right after a slash belongs to a ratio or a date ("24/7", "3/15"), not a quantity.
  if (tokens[i].has(Gap::Slash) && i > 0 && tokens[i - 1].isNumber()) return std::nullopt;
  if (i + 1 < tokens.size() && tokens[i + 1].has(Gap::Slash) && tokens[i + 1].isNumber()) {
    return std::nullopt;
  }
  Partial result{*value, i + 1};
  if (i + 1 < tokens.size() && !tokens[i + 1].has(Gap::Sentence)) {
    if (const auto tail = fraction(tokens, i + 1)) {
      result.value += tail->value;
      result.next = tail->next;
    }
  }
  return result;
}

// "and a half", "and one-half", "and one half" after a number.
std::size_t andAHalf(std::span<const Token> tokens, std::size_t i) {
  if (!isWord(tokens, i, "and")) return 0;
  const bool article = isWord(tokens, i + 1, "a") || isWord(tokens, i + 1, "one");
  return article && isWord(tokens, i + 2, "half") ? i + 3 : 0;
}

}  // namespace

std::optional<int> numberWordValue(std::string_view lower) {
  // Called for nearly every word of a document, so most words must be turned away after a
  // couple of byte compares: by length, by the first letter, then by the second.
  struct Entry {
    char second;
    std::string_view word;
    int value;
  };
  static constexpr Entry kE[] = {
      {'i', "eight", 8}, {'l', "eleven", 11}, {'i', "eighteen", 18}, {'i', "eighty", 80}};
  static constexpr Entry kF[] = {{'o', "four", 4},     {'i', "five", 5},   {'o', "fourteen", 14},
                                 {'i', "fifteen", 15}, {'o', "forty", 40}, {'i', "fifty", 50}};
  static constexpr Entry kN[] = {{'i', "nine", 9}, {'i', "nineteen", 19}, {'i', "ninety", 90}};
  static constexpr Entry kO[] = {{'n', "one", 1}};
  static constexpr Entry kS[] = {{'i', "six", 6},        {'e', "seven", 7},  {'i', "sixteen", 16},
                                 {'e', "seventeen", 17}, {'i', "sixty", 60}, {'e', "seventy", 70}};
  static constexpr Entry kT[] = {{'w', "two", 2},     {'h', "three", 3},     {'e', "ten", 10},
                                 {'w', "twelve", 12}, {'h', "thirteen", 13}, {'w', "twenty", 20},
                                 {'h', "thirty", 30}};
  static constexpr Entry kZ[] = {{'e', "zero", 0}};
  if (lower.size() < 3 || lower.size() > 9) return std::nullopt;
  std::span<const Entry> group;
  switch (lower[0]) {
    case 'e':
      group = kE;
      break;
    case 'f':
      group = kF;
      break;
    case 'n':
      group = kN;
      break;
    case 'o':
      group = kO;
      break;
    case 's':
      group = kS;
      break;
    case 't':
      group = kT;
      break;
    case 'z':
      group = kZ;
      break;
    default:
      return std::nullopt;
  }
  for (const Entry& entry : group) {
    if (entry.second == lower[1] && entry.word == lower) return entry.value;
  }
  return std::nullopt;
}

std::optional<NumberReading> readNumber(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  NumberReading reading;
  std::optional<Partial> found = figures(tokens, i);
  if (!found) {
    found = wordNumber(tokens, i);
    if (!found) return std::nullopt;
    reading.inWords = true;
    if (const auto written = parenthesizedFigures(tokens, found->next)) found = written;
  } else if (const std::size_t after = parenthesizedWords(tokens, found->next); after != 0) {
    found->next = after;  // "2 (two)": the figures give the value
  }
  reading.value = found->value;
  std::size_t end = found->next;
  if (const std::size_t half = andAHalf(tokens, end); half != 0) {
    reading.value += 0.5;
    end = half;
  }
  reading.tokens = {i, end};
  return reading;
}

}  // namespace mkrp::check::text
