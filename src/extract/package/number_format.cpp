#include "extract/package/number_format.h"

#include <array>

namespace mkrp::extract::detail {
namespace {

std::string roman(int value, bool upper) {
  if (value <= 0 || value >= 4000) return std::to_string(value);
  static constexpr std::array<std::pair<int, std::string_view>, 13> kNumerals{{
      {1000, "m"},
      {900, "cm"},
      {500, "d"},
      {400, "cd"},
      {100, "c"},
      {90, "xc"},
      {50, "l"},
      {40, "xl"},
      {10, "x"},
      {9, "ix"},
      {5, "v"},
      {4, "iv"},
      {1, "i"},
  }};
  std::string out;
  for (const auto& [amount, numeral] : kNumerals) {
    for (; value >= amount; value -= amount) out += numeral;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Word and "letter sync": a..z, then aa..zz, then aaa..zzz.
std::string repeatedLetter(int value, bool upper) {
  if (value <= 0) return std::to_string(value);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  const int count = (value - 1) / 26 + 1;
  if (count > 32) return std::to_string(value);
  return std::string(static_cast<std::size_t>(count), letter);
}

// Spreadsheet-column style: a..z, aa, ab, ..., az, ba, ...
std::string alphabeticLetters(int value, bool upper) {
  if (value <= 0) return std::to_string(value);
  std::string out;
  for (int rest = value; rest > 0; rest = (rest - 1) / 26) {
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (rest - 1) % 26));
  }
  return out;
}

std::string ordinalSuffix(int value) {
  const int lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  switch (value % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

constexpr std::array<std::string_view, 20> kOnes{
    "Zero",     "One",     "Two",     "Three",     "Four",     "Five",    "Six",
    "Seven",    "Eight",   "Nine",    "Ten",       "Eleven",   "Twelve",  "Thirteen",
    "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"};
constexpr std::array<std::string_view, 10> kTens{"",      "",      "Twenty",  "Thirty", "Forty",
                                                 "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"};

// English words for 1..999 as Word writes them: "Twenty-One", "One Hundred Five".
std::string cardinalWords(int value) {
  std::string out;
  if (value >= 100) {
    out = std::string(kOnes[static_cast<std::size_t>(value / 100)]) + " Hundred";
    value %= 100;
    if (value == 0) return out;
    out += ' ';
  }
  if (value < 20) return out + std::string(kOnes[static_cast<std::size_t>(value)]);
  out += kTens[static_cast<std::size_t>(value / 10)];
  if (value % 10 != 0) out += "-" + std::string(kOnes[static_cast<std::size_t>(value % 10)]);
  return out;
}

// "First", "Twenty-Second", "One Hundred Third": the last word of the cardinal made ordinal.
std::string ordinalWords(int value) {
  static constexpr std::array<std::string_view, 20> kOrdinalOnes{
      "Zeroth",    "First",     "Second",      "Third",      "Fourth",
      "Fifth",     "Sixth",     "Seventh",     "Eighth",     "Ninth",
      "Tenth",     "Eleventh",  "Twelfth",     "Thirteenth", "Fourteenth",
      "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"};
  const int lastTwo = value % 100;
  const std::string head = value >= 100 ? cardinalWords(value - lastTwo) : std::string();
  const std::string sep = value >= 100 && lastTwo != 0 ? " " : "";
  if (lastTwo == 0) return head + "th";
  if (lastTwo < 20)
    return head + sep + std::string(kOrdinalOnes[static_cast<std::size_t>(lastTwo)]);
  std::string tens(kTens[static_cast<std::size_t>(lastTwo / 10)]);
  if (lastTwo % 10 == 0) return head + sep + tens.substr(0, tens.size() - 1) + "ieth";
  return head + sep + tens + "-" +
         std::string(kOrdinalOnes[static_cast<std::size_t>(lastTwo % 10)]);
}

std::string enclosedCircle(int value) {
  if (value < 1 || value > 20) return std::to_string(value);
  // U+2460 CIRCLED DIGIT ONE .. U+2473 CIRCLED NUMBER TWENTY, as UTF-8.
  const int code = 0x2460 + value - 1;
  std::string out;
  out += static_cast<char>(0xE0 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code & 0x3F));
  return out;
}

std::string chicago(int value) {
  static constexpr std::array<std::string_view, 4> kMarks{"*", "\u2020", "\u2021", "\u00A7"};
  if (value <= 0 || value > 40) return std::to_string(value);
  std::string out;
  const int count = (value - 1) / 4 + 1;
  for (int i = 0; i < count; ++i) out += kMarks[static_cast<std::size_t>((value - 1) % 4)];
  return out;
}

}  // namespace

std::string formatNumber(int value, std::string_view format) {
  if (format == "bullet" || format == "none") return {};
  if (format == "lowerRoman") return roman(value, false);
  if (format == "upperRoman") return roman(value, true);
  if (format == "lowerLetter") return repeatedLetter(value, false);
  if (format == "upperLetter") return repeatedLetter(value, true);
  if (format == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
  if (format == "ordinal") return std::to_string(value) + ordinalSuffix(value);
  if (format == "cardinalText" && value > 0 && value < 1000) return cardinalWords(value);
  if (format == "ordinalText" && value > 0 && value < 1000) return ordinalWords(value);
  if (format == "decimalEnclosedParen") return "(" + std::to_string(value) + ")";
  if (format == "decimalEnclosedFullstop") return std::to_string(value) + ".";
  if (format == "decimalEnclosedCircle") return enclosedCircle(value);
  if (format == "chicago") return chicago(value);
  return std::to_string(value);
}

std::string formatOdfNumber(int value, std::string_view format, bool letterSync) {
  if (format.empty()) return {};
  switch (format.front()) {
    case '1':
      return std::to_string(value);
    case 'i':
      return roman(value, false);
    case 'I':
      return roman(value, true);
    case 'a':
      return letterSync ? repeatedLetter(value, false) : alphabeticLetters(value, false);
    case 'A':
      return letterSync ? repeatedLetter(value, true) : alphabeticLetters(value, true);
    default:
      return std::to_string(value);
  }
}

}  // namespace mkrp::extract::detail
