// The fast paths of the text readers must give exactly what the general paths give: plain ASCII
// words read straight from the text against the full word reader, cue tables that turn rows
// away by their first two words against trying every row, and word sets that turn tokens away
// by a filter of hashes against comparing every word.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "check/text/pattern.h"
#include "check/text/tokenizer.h"
#include "check/text/tokenizer_testing.h"
#include "check/text/word_set.h"

namespace mkrp::check::text {
namespace {

namespace fs = std::filesystem;

// The texts of the labelled fixture directives, one string per file.
std::vector<std::string> fixtureTexts() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(MKRP_SOURCE_DIR) / "tests" / "fixtures" / "directives")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

// Short texts mixing the cases the word reader treats apart from plain words.
std::string randomText(std::mt19937& random) {
  static const std::vector<std::string> pieces = {"a",
                                                  "I",
                                                  "Hours",
                                                  "within",
                                                  "cannot",
                                                  "Cannot",
                                                  "can't",
                                                  "child's",
                                                  "it's",
                                                  "e.g.",
                                                  "U.S.C.",
                                                  "No.",
                                                  "2",
                                                  "24",
                                                  "1,000",
                                                  "1.5",
                                                  "4.2.1",
                                                  "2nd",
                                                  "24-hour",
                                                  "1/2",
                                                  "½",
                                                  "1½",
                                                  "investi-\ngation",
                                                  "high-\nrisk",
                                                  "O'Brien",
                                                  "café",
                                                  "naïve",
                                                  "ﬁle",
                                                  "x",
                                                  "two (2)",
                                                  " ",
                                                  " ",
                                                  "  ",
                                                  "\n",
                                                  "\n\n",
                                                  ".",
                                                  ",",
                                                  ";",
                                                  "-",
                                                  "--",
                                                  "'",
                                                  "\"",
                                                  "(",
                                                  ")",
                                                  "&",
                                                  "?",
                                                  "\u00A0",
                                                  "\u2019",
                                                  "\u2013",
                                                  "\u00AD",
                                                  "\u2022",
                                                  "\xFF",
                                                  "abcdefghijklmnopqrstuvwxyzabcdefgh",
                                                  "abcdefghijklmnopqrstuvwxyzabcdef"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::string text;
  for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

// Compares every field of the tokens of `text` with those the general word reader gives.
void requireSameAsGeneralReader(const std::string& text) {
  const TokenList fast = tokenize(text);
  const TokenList general = detail::tokenizeWithoutFastPaths(text);
  REQUIRE(fast.size() == general.size());
  for (std::size_t i = 0; i < fast.size(); ++i) {
    INFO("token " << i << ": " << fast[i].lower);
    REQUIRE(fast[i].norm == general[i].norm);
    REQUIRE(fast[i].lower == general[i].lower);
    REQUIRE(fast[i].start == general[i].start);
    REQUIRE(fast[i].end == general[i].end);
    REQUIRE(fast[i].normHash == general[i].normHash);
    REQUIRE(fast[i].sentence == general[i].sentence);
    REQUIRE(fast[i].gapBefore == general[i].gapBefore);
    REQUIRE(fast[i].wordValue == general[i].wordValue);
    REQUIRE(fast[i].kind == general[i].kind);
    REQUIRE(fast[i].capitalized == general[i].capitalized);
    REQUIRE(fast[i].abbreviation == general[i].abbreviation);
  }
}

TEST_CASE("plain words give the tokens of the general word reader on the fixture directives",
          "[check][text][tokenizer][equivalence]") {
  const std::vector<std::string> texts = fixtureTexts();
  REQUIRE(texts.size() >= 10);
  for (const std::string& text : texts) requireSameAsGeneralReader(text);
}

TEST_CASE("plain words give the tokens of the general word reader on random text",
          "[check][text][tokenizer][equivalence]") {
  std::mt19937 random(20261129);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = randomText(random);
    INFO("text: " << text);
    requireSameAsGeneralReader(text);
  }
}

// Rows of every shape the index handles apart: single words, optional first slots, words joined
// into one alternative, wildcards, exact words, rows that can end after one word.
const std::vector<std::string_view> kSpecs = {
    "as soon as possible",
    "as soon as practical|practicable",
    "as needed",
    "when|as|if time permits|allows",
    "=immediately",
    "=immediate entry|response",
    "on|in an =immediate basis|manner",
    "a reasonable amount|period of time",
    "end of the|his|her? *? next|following scheduled? shift|tour",
    "end of the? business|work? day",
    "no|not later_than",
    "prior_to",
    "within",
    "a? maximum",
    "the? age|ages? of?",
    "under|below the? age|ages? of?",
    "# hours",
    "at_least the? age? of?",
    "every|each|per",
    "no more_than",
    "not|never reached|attained the? age? of?",
};

TEST_CASE("a cue table finds the longest match that trying every row finds",
          "[check][text][pattern][equivalence]") {
  Tokenizer tokenizer;
  PatternTable<std::size_t> table;
  for (std::size_t row = 0; row < kSpecs.size(); ++row) table.add(kSpecs[row], row, tokenizer);
  std::vector<std::string> texts = fixtureTexts();
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) texts.push_back(randomText(random));
  texts.push_back("as soon as. possible as needed as end of his next shift end of the work day");
  std::size_t matches = 0;
  for (const std::string& text : texts) {
    const TokenList tokens = tokenizer.tokenize(text);
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
      std::optional<RuleMatch> expected;
      for (std::size_t row = 0; row < kSpecs.size(); ++row) {
        const auto end = table.pattern(row).matchAt(tokens, i);
        if (end && (!expected || *end > expected->tokens.end)) expected = RuleMatch{row, {i, *end}};
      }
      const auto found = table.longestAt(tokens, i);
      INFO("token " << i << " of: " << text.substr(0, 200));
      REQUIRE(found.has_value() == expected.has_value());
      if (!found) continue;
      ++matches;
      REQUIRE(found->rule == expected->rule);
      REQUIRE(found->tokens == expected->tokens);
      REQUIRE(table.value(found->rule) == found->rule);
    }
  }
  REQUIRE(matches > 100);
}

}  // namespace
TEST_CASE("a word set finds a token exactly when its lower-case form is one of the words",
          "[check][text][equivalence]") {
  const std::initializer_list<std::string_view> words = {
      "is",  "are",          "being",  "been",    "does",    "shall", "the", "any",
      "one", "unreasonably", "within", "because", "through", "no",    "a"};
  const WordSet set(words);
  std::vector<std::string> texts = fixtureTexts();
  texts.push_back(
      "Being there, THE officer Does not act unreasonably. No one is. Beings do; "
      "the ones that are any-thing within A-B; throughs, because.");
  std::size_t found = 0;
  std::size_t tokens = 0;
  for (const std::string& text : texts) {
    for (const Token& token : tokenize(text)) {
      const bool listed = std::find(words.begin(), words.end(), token.lower) != words.end();
      INFO("token '" << token.lower << "'");
      REQUIRE(set.has(token) == listed);
      found += listed ? 1 : 0;
      ++tokens;
    }
  }
  // The comparison means something only if both answers occur often.
  CHECK(found > 500);
  CHECK(tokens - found > 5000);
  // A word the tokenizer reads as two tokens could never be found: refused.
  CHECK_THROWS_AS(WordSet({"cannot"}), std::invalid_argument);
}

}  // namespace mkrp::check::text
