#include "check/text/age.h"

#include <catch2/catch.hpp>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {
namespace {

struct Case {
  std::string_view text;
  AgeRange range;
  std::string_view covered;
};

constexpr std::optional<int> kNoMax;

TEST_CASE("ages read upper limits", "[check][text][age]") {
  for (const Case& c : std::initializer_list<Case>{
           {"any person under 18", {0, 17}, "under 18"},
           {"under the age of 18", {0, 17}, "under the age of 18"},
           {"under the age of eighteen (18) years",
            {0, 17},
            "under the age of eighteen (18) years"},
           {"under age 18", {0, 17}, "under age 18"},
           {"persons under 18 years of age", {0, 17}, "under 18 years of age"},
           {"children under 18 years", {0, 17}, "under 18 years"},
           {"17 years of age or younger", {0, 17}, "17 years of age or younger"},
           {"seventeen (17) years of age and younger",
            {0, 17},
            "seventeen (17) years of age and younger"},
           {"18 or younger", {0, 18}, "18 or younger"},
           {"13 or younger", {0, 13}, "13 or younger"},
           {"12 and under", {0, 12}, "12 and under"},
           {"age 12 and under", {0, 12}, "age 12 and under"},
           {"children 12 years old or younger", {0, 12}, "12 years old or younger"},
           {"13 years of age or less", {0, 13}, "13 years of age or less"},
           {"younger than 13", {0, 12}, "younger than 13"},
           {"younger than thirteen years of age", {0, 12}, "younger than thirteen years of age"},
           {"juveniles (under 18)", {0, 17}, "under 18"},
           {"a person who has not reached the age of 18",
            {0, 17},
            "not reached the age of 18"},
           {"a child who has not attained the age of eighteen years",
            {0, 17},
            "not attained the age of eighteen years"},
           {"a person who has not reached 18 years of age",
            {0, 17},
            "not reached 18 years of age"},
           {"persons under 21", {0, 20}, "under 21"},
           {"less than 18 years of age", {0, 17}, "less than 18 years of age"},
           {"no older than 17", {0, 17}, "no older than 17"},
           {"before the age of 18", {0, 17}, "before the age of 18"},
       }) {
    INFO("text: " << c.text);
    const auto tokens = tokenize(c.text);
    const auto ages = findAges(tokens);
    REQUIRE(ages.size() == 1);
    CHECK(ages[0].range == c.range);
    CHECK(c.text.substr(ages[0].start, ages[0].end - ages[0].start) == c.covered);
  }
}

TEST_CASE("ages read lower limits and ranges", "[check][text][age]") {
  for (const Case& c : std::initializer_list<Case>{
           {"18 or older", {18, kNoMax}, "18 or older"},
           {"18 years of age or older", {18, kNoMax}, "18 years of age or older"},
           {"persons 18 and over", {18, kNoMax}, "18 and over"},
           {"18 and up", {18, kNoMax}, "18 and up"},
           {"over 17", {18, kNoMax}, "over 17"},
           {"older than 17", {18, kNoMax}, "older than 17"},
           {"over the age of 17", {18, kNoMax}, "over the age of 17"},
           {"at least 18 years of age", {18, kNoMax}, "at least 18 years of age"},
           {"18 through 20 years of age", {18, 20}, "18 through 20 years of age"},
           {"ages 18-20", {18, 20}, "ages 18-20"},
           {"ages 18 \xE2\x80\x93 20", {18, 20}, "ages 18 \xE2\x80\x93 20"},
           {"between the ages of 18 and 21", {18, 21}, "between the ages of 18 and 21"},
           {"between 18 and 20 years of age", {18, 20}, "between 18 and 20 years of age"},
           {"aged 13 to 17", {13, 17}, "aged 13 to 17"},
       }) {
    INFO("text: " << c.text);
    const auto tokens = tokenize(c.text);
    const auto ages = findAges(tokens);
    REQUIRE(ages.size() == 1);
    CHECK(ages[0].range == c.range);
    CHECK(c.text.substr(ages[0].start, ages[0].end - ages[0].start) == c.covered);
  }
}

TEST_CASE("ages ignore numbers that are not age limits", "[check][text][age]") {
  for (std::string_view text :
       {"under 2 hours", "over 24 hours", "within 18 days", "at least 30 days", "Section 18",
        "less than 18", "more than 24", "a 12-year-old child", "age 17", "missing over 2 years",
        "under Section 4", "18 through 20", "18-20 calls", "2 hours or less", "30 days or more",
        "under the supervision of", "the age of majority"}) {
    INFO("text: " << text);
    const auto tokens = tokenize(text);
    CHECK(findAges(tokens).empty());
  }
}

TEST_CASE("ages find every limit in a definition", "[check][text][age]") {
  const auto tokens = tokenize(
      "A missing child is any person under 18 years of age. Unusual circumstances include a "
      "child 13 years of age or younger. Persons 18 through 20 years of age are also entered.");
  const auto ages = findAges(tokens);
  REQUIRE(ages.size() == 3);
  CHECK(ages[0].range == AgeRange{0, 17});
  CHECK(ages[1].range == AgeRange{0, 13});
  CHECK(ages[2].range == AgeRange{18, 20});
}

}  // namespace
}  // namespace mkrp::check::text
