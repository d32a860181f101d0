#include "check/text/pattern.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {
namespace {

// The end of the longest match of `spec` at token `at` of `text`, or -1.
long matchEnd(std::string_view spec, std::string_view text, std::size_t at = 0) {
  Tokenizer tokenizer;
  const Pattern pattern(spec, tokenizer);
  const auto tokens = tokenizer.tokenize(text);
  const auto end = pattern.matchAt(tokens, at);
  return end ? static_cast<long>(*end) : -1;
}

TEST_CASE("pattern matches stemmed words in order", "[check][text][pattern]") {
  struct Case {
    std::string_view spec;
    std::string_view text;
    long end;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"as soon as practical", "as soon as practicable, enter", 4},
           {"as soon as practical", "As Soon As Practically possible", 4},
           {"when|if time permits", "if time permitting", 3},
           {"when|if time permits", "when time allows", -1},
           {"end of the? shift", "end of shift", 3},
           {"end of the? shift", "end of the shift", 4},
           {"end of the? shift", "end of a shift", -1},
           {"within # hours", "within 24 hours", 3},
           {"within # hours", "within two hours", -1},
           {"end of * shift", "end of his shift", 4},
           {"younger_than|under 18", "younger than 18", 3},
           {"younger_than|under 18", "under 18", 2},
           {"no one", "no one shall", 2},
           {"cannot", "can not", 2},
           {"the? report", "report", 1},
       }) {
    INFO("spec: " << c.spec << " text: " << c.text);
    CHECK(matchEnd(c.spec, c.text) == c.end);
  }
}

TEST_CASE("pattern takes the longest of its alternatives", "[check][text][pattern]") {
  CHECK(matchEnd("end of the? next? shift", "end of the next shift today") == 5);
  CHECK(matchEnd("a|a_maximum of", "a maximum of") == 3);
}

TEST_CASE("pattern compares '=' words as written, unstemmed", "[check][text][pattern]") {
  CHECK(matchEnd("=timely", "timely") == 1);
  CHECK(matchEnd("=timely", "Timely") == 1);
  CHECK(matchEnd("=timely", "time") == -1);
  CHECK(matchEnd("timely", "time") == 1);  // the stemmer maps both to "time"
  CHECK(matchEnd("=periodically", "period") == -1);
  CHECK(matchEnd("semi =annual|=annually", "semi-annually") == 2);
}

TEST_CASE("pattern never matches across a sentence end", "[check][text][pattern]") {
  CHECK(matchEnd("child missing", "the child. Missing persons", 1) == -1);
  CHECK(matchEnd("child missing", "the child missing", 1) == 3);
}

TEST_CASE("pattern with only optional slots matched is no match", "[check][text][pattern]") {
  CHECK(matchEnd("the? report?", "nothing here") == -1);
}

TEST_CASE("pattern lists the words a match can start with", "[check][text][pattern]") {
  Tokenizer tokenizer;
  const auto firsts = Pattern("the? next|following day", tokenizer).firstWords();
  REQUIRE(firsts.has_value());
  CHECK(*firsts == std::vector<std::string>{"the", "next", "follow"});
  CHECK_FALSE(Pattern("# hours", tokenizer).firstWords().has_value());
  CHECK_FALSE(Pattern("a? b?", tokenizer).firstWords().has_value());
}

TEST_CASE("pattern rejects a spec without words", "[check][text][pattern]") {
  Tokenizer tokenizer;
  REQUIRE_THROWS_AS(Pattern("   ", tokenizer), std::invalid_argument);
  REQUIRE_THROWS_WITH(Pattern("   ", tokenizer), "word pattern \"   \": it has no words");
  REQUIRE_THROWS_AS(Pattern("if|| time", tokenizer), std::invalid_argument);
  REQUIRE_THROWS_WITH(Pattern("if|| time", tokenizer),
                      "word pattern \"if|| time\": a slot has an empty alternative");
}

TEST_CASE("pattern table finds the longest row, earlier rows winning ties",
          "[check][text][pattern]") {
  Tokenizer tokenizer;
  PatternTable<int> table;
  table.add("as soon as possible", 1, tokenizer);
  table.add("as soon as possible", 2, tokenizer);
  table.add("as", 3, tokenizer);
  table.add("* soon", 4, tokenizer);
  const auto tokens = tokenizer.tokenize("as soon as possible");
  const auto match = table.longestAt(tokens, 0);
  REQUIRE(match.has_value());
  CHECK(table.value(match->rule) == 1);
  CHECK(match->tokens == TokenRange{0, 4});
  const auto wildcard = table.longestAt(tokens, 1);
  CHECK_FALSE(wildcard.has_value());
  CHECK(table.value(table.longestAt(tokens, 2)->rule) == 3);
  CHECK_FALSE(table.longestAt(tokens, 4).has_value());
  const auto other = tokenizer.tokenize("so soon");
  CHECK(table.value(table.longestAt(other, 0)->rule) == 4);
}

}  // namespace
}  // namespace mkrp::check::text
