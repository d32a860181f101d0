#include "check/text/word_rules.h"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace mkrp::check::text::detail::word_rules {

namespace {

bool isAnyOf(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words that often start a hyphenated compound: a line-end hyphen after them is a real hyphen
// ("high-\nrisk" stays "high" "risk").
bool isCompoundHead(std::string_view left) {
  return isAnyOf(left,
                 {"at",     "high",   "low",    "well",  "non",   "self",  "follow",  "call",
                  "multi",  "cross",  "full",   "part",  "long",  "short", "life",    "court",
                  "law",    "age",    "time",   "half",  "all",   "ex",    "anti",    "on",
                  "off",    "near",   "mid",    "semi",  "door",  "first", "one",     "two",
                  "three",  "four",   "five",   "six",   "seven", "eight", "nine",    "ten",
                  "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                  "ninety", "year",   "day",    "hour",  "week",  "month", "ill"});
}

bool isKnownCompound(std::string_view left, std::string_view right) {
  static constexpr std::pair<std::string_view, std::string_view> kCompounds[] = {
      {"in", "person"}, {"in", "service"}, {"in", "car"},   {"in", "house"}, {"in", "depth"},
      {"check", "in"},  {"walk", "in"},    {"drop", "off"}, {"pick", "up"},  {"stand", "by"},
      {"up", "to"},     {"sign", "in"},    {"set", "up"},   {"to", "date"}};
  return std::find(std::begin(kCompounds), std::end(kCompounds), std::pair{left, right}) !=
         std::end(kCompounds);
}

// Endings that never stand alone: a word broken before them is always joined again.
bool isSuffix(std::string_view right) {
  return isAnyOf(right, {"ing",  "ings",  "ed",    "er",    "ers",    "es",    "s",     "ly",
                         "ment", "ments", "tion",  "tions", "sion",   "sions", "ity",   "ities",
                         "ness", "ance",  "ances", "ence",  "ences",  "able",  "ible",  "al",
                         "ally", "ive",   "ous",   "ize",   "ise",    "ized",  "ure",   "ures",
                         "ant",  "ants",  "ent",   "ents",  "ical",   "ist",   "ists",  "ate",
                         "ated", "ates",  "ating", "ation", "ations", "ual",   "ually", "ian"});
}

}  // namespace

// Words after which a full stop is an abbreviation mark, not the end of a sentence: titles and
// ranks, reference words that precede a number, Latin abbreviations and legal initialisms.
bool isNonFinalAbbreviation(std::string_view word) {
  // Sorted once, searched by halves: the tokenizer asks at every full stop after a word.
  static const auto kAbbreviations = [] {
    std::vector<std::string_view> words = {
        "mr",   "mrs",  "ms",   "dr",  "st",   "sgt",    "lt",    "capt", "cpl", "det", "ofc",
        "insp", "cmdr", "dep",  "gen", "gov",  "sen",    "rep",   "no",   "nos", "vs",  "v",
        "dept", "sec",  "sect", "art", "ch",   "chap",   "para",  "fig",  "vol", "ref", "approx",
        "appx", "cf",   "jr",   "sr",  "subd", "subsec", "pg",    "pp",   "eg",  "ie",  "usc",
        "us",   "cfr",  "viz",  "al",  "supt", "asst",   "lieut", "inv",  "ptl"};
    std::sort(words.begin(), words.end());
    return words;
  }();
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

bool isRomanNumeral(std::string_view word) {
  return !word.empty() && word.size() <= 5 &&
         word.find_first_not_of("ivx") == std::string_view::npos;
}

bool joinsAcrossLineBreak(std::string_view left, std::string_view right) {
  if (isSuffix(right)) return true;
  if (isKnownCompound(left, right)) return false;
  return !isCompoundHead(left);
}

// The word that a contraction's stem stands for ("wo" in "won't" is "will").
std::string_view expandNegatedStem(std::string_view stem) {
  if (stem == "wo") return "will";
  if (stem == "ca") return "can";
  if (stem == "sha") return "shall";
  if (stem == "ai") return "is";
  return stem;
}

// Pronouns and adverbs whose "'s" is "is" ("there's no waiting period"), not a possessive.
bool takesIsContraction(std::string_view stem) {
  return isAnyOf(stem, {"it", "that", "there", "here", "what", "who", "he", "she", "where", "how"});
}

std::string_view expandContractionSuffix(std::string_view suffix) {
  if (suffix == "'ll") return "will";
  if (suffix == "'re") return "are";
  if (suffix == "'ve") return "have";
  if (suffix == "'d") return "would";
  if (suffix == "'m") return "am";
  return {};
}

// The normalized digits of a number: no thousands separators, vulgar fractions as decimals.
std::string normalizeNumber(std::string_view written) {
  std::string digits;
  std::string_view fraction;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == ',') continue;
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < written.size()) {
      const auto next = static_cast<unsigned char>(written[++i]);
      fraction = next == 0xBC ? ".25" : next == 0xBD ? ".5" : ".75";
      continue;
    }
    digits.push_back(c);
  }
  if (fraction.empty()) return digits;
  const bool wholePart = !digits.empty() && digits.find('.') == std::string::npos;
  std::string number = wholePart ? std::move(digits) : std::string("0");
  return number.append(fraction);
}

bool isOrdinalSuffix(std::string_view letters) {
  return letters == "st" || letters == "nd" || letters == "rd" || letters == "th";
}

}  // namespace mkrp::check::text::detail::word_rules
