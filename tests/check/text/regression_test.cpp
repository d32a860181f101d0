// One test per mistake found while building the text layer, named after the mistake.
#include <catch2/catch.hpp>

#include "check/text/age.h"
#include "check/text/duration.h"
#include "check/text/negation.h"
#include "check/text/number.h"
#include "text_test_support.h"

namespace mkrp::check::text {
namespace {

using testing::find;

std::vector<std::string> durationTexts(std::string_view text) {
  std::vector<std::string> found;
  const auto tokens = tokenize(text);
  for (const DurationMention& mention : findDurations(tokens)) {
    found.emplace_back(text.substr(mention.start, mention.end - mention.start));
  }
  return found;
}

TEST_CASE("regression: stemmed hedge words matched shorter words", "[check][text][regression]") {
  // The stemmer maps "timely" to "time", "periodically" to "period", "yearly" to "year",
  // "weekly" to "week": these phrases must match the word as written.
  CHECK(durationTexts("the time of the call").empty());
  CHECK(durationTexts("the period of the review").empty());
  CHECK(durationTexts("the week of the event").empty());
  CHECK(durationTexts("a quarter of the calls").empty());
  CHECK(durationTexts("review the calls timely") == std::vector<std::string>{"timely"});
}

TEST_CASE("regression: years in an age limit were read as a recurring year",
          "[check][text][regression]") {
  CHECK(durationTexts("a child under 18 years of age").empty());
  CHECK(durationTexts("17 years of age or younger").empty());
}

TEST_CASE("regression: an adjective 'immediate' was read as a deadline",
          "[check][text][regression]") {
  CHECK(durationTexts("the child is in immediate danger").empty());
  CHECK(durationTexts("an immediate response") == std::vector<std::string>{"immediate response"});
}

TEST_CASE("regression: 'a day-care center' was read as one day", "[check][text][regression]") {
  CHECK(durationTexts("a day-care center").empty());
  CHECK(durationTexts("a 1-day hold") == std::vector<std::string>{"1-day"});
}

TEST_CASE("regression: figures before their words lost the figures", "[check][text][regression]") {
  CHECK(durationTexts("within 2 (two) hours") == std::vector<std::string>{"within 2 (two) hours"});
  const auto tokens = tokenize("2 (two) hours");
  const auto number = readNumber(tokens, 0);
  REQUIRE(number.has_value());
  CHECK(number->value == 2);
  CHECK(number->tokens == TokenRange{0, 2});
}

TEST_CASE("regression: a subject's predicate was read as directly negated by 'no'",
          "[check][text][regression]") {
  // "No waiting period is required": "no" heads the clause; "required" is reached through the
  // predicate, not directly.
  const auto tokens = tokenize("No waiting period is required.");
  CHECK(negationOf(tokens, find(tokens, "required")).reach == NegationReach::Preceding);
}

TEST_CASE("regression: the object of a negated verb was read as directly negated",
          "[check][text][regression]") {
  const auto tokens = tokenize("Custody disputes do not preclude a missing child report.");
  const Negation negation = negationOf(tokens, find(tokens, "missing child report"));
  CHECK(negation.reach == NegationReach::Preceding);
  CHECK(tokens[negation.negated].lower == "preclude");
}

TEST_CASE("regression: 'prohibited from' named 'from' as the negated word",
          "[check][text][regression]") {
  const auto tokens = tokenize("Officers are prohibited from refusing reports.");
  CHECK(tokens[negationOf(tokens, find(tokens, "refusing")).negated].lower == "refusing");
}

TEST_CASE("regression: a trailing 'prohibited' named no negated word",
          "[check][text][regression]") {
  const auto tokens = tokenize("Waiting periods are prohibited.");
  const Negation negation = negationOf(tokens, find(tokens, "waiting periods"));
  REQUIRE(negation.negated != Negation::kNone);
  CHECK(tokens[negation.negated].lower == "waiting");
}

TEST_CASE("regression: '12 year old' was read as twelve years of time",
          "[check][text][regression]") {
  CHECK(durationTexts("when a 10, 11 or 12 year old is arrested").empty());
  CHECK(durationTexts("a 12-year-old child").empty());
  CHECK(durationTexts("children 12 years of age").empty());
  CHECK(durationTexts("held for 2 years") == std::vector<std::string>{"2 years"});
}

TEST_CASE("regression: an age lead at a sentence end took the next sentence's number",
          "[check][text][regression]") {
  const auto tokens = tokenize("the offenses listed above.\n 6. Limit the questioning");
  CHECK(findAges(tokens).empty());
  const auto range = tokenize("ages 18 through. 20 officers");
  CHECK(findAges(range).empty());
}

TEST_CASE("regression: 'Second Degree Murder' was read as two seconds",
          "[check][text][regression]") {
  CHECK(durationTexts("9-1 First Degree Murder 9-2 Second Degree Murder").empty());
  CHECK(durationTexts("wait 30 seconds") == std::vector<std::string>{"wait 30 seconds"});
}

}  // namespace
}  // namespace mkrp::check::text
