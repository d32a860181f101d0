#include "check/text/number.h"

#include <catch2/catch.hpp>
#include <charconv>
#include <string>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {
namespace {

struct Case {
  std::string_view text;
  double value;
  std::size_t tokens;  // how many tokens the number takes
};

TEST_CASE("readNumber reads figures, fractions and words", "[check][text][number]") {
  for (const Case& c : std::initializer_list<Case>{
           {"24 hours", 24, 1},
           {"1.5 hours", 1.5, 1},
           {"1,000 feet", 1000, 1},
           {"1/2 hour", 0.5, 2},
           {"1 1/2 hours", 1.5, 3},
           {"\xC2\xBD hour", 0.5, 1},
           {"two hours", 2, 1},
           {"Twelve", 12, 1},
           {"twenty-four hours", 24, 2},
           {"twenty four hours", 24, 2},
           {"ninety-nine", 99, 2},
           {"one hundred eighty days", 180, 3},
           {"one hundred and eighty (180) days", 180, 5},
           {"two (2) hours", 2, 2},
           {"thirty (30) days", 30, 2},
           {"eighteen (18) years", 18, 2},
           {"two (3) hours", 3, 2},
           {"one and a half hours", 1.5, 4},
           {"2 and one half hours", 2.5, 4},
           {"zero", 0, 1},
           {"twenty, four", 20, 1},
       }) {
    INFO("text: " << c.text);
    const auto tokens = tokenize(c.text);
    const auto reading = readNumber(tokens, 0);
    REQUIRE(reading.has_value());
    CHECK(reading->value == Approx(c.value));
    CHECK(reading->tokens == TokenRange{0, c.tokens});
  }
}

TEST_CASE("whole figures read the same as the general number parser reads them",
          "[check][text][number]") {
  // Whole numbers take a shorter path than decimals; both must give the same value.
  for (std::string_view figures : {"0", "7", "24", "0800", "2026", "999999999999999",
                                   "1000000000000000", "12345678901234567890"}) {
    INFO("figures: " << figures);
    const auto tokens = tokenize(std::string(figures) + " days");
    const auto reading = readNumber(tokens, 0);
    REQUIRE(reading.has_value());
    double expected = 0;
    std::from_chars(figures.data(), figures.data() + figures.size(), expected);
    CHECK(reading->value == expected);
  }
}

TEST_CASE("readNumber refuses what is not a quantity", "[check][text][number]") {
  for (std::string_view text : {"4.2.1 applies", "a day", "an hour", "half", "2nd shift",
                                "24/7 coverage", "3/15/2020", "hours", "first"}) {
    INFO("text: " << text);
    const auto tokens = tokenize(text);
    CHECK_FALSE(readNumber(tokens, 0).has_value());
  }
}

TEST_CASE("readNumber tells written numbers from figures", "[check][text][number]") {
  const auto words = tokenize("two (2)");
  CHECK(readNumber(words, 0)->inWords);
  const auto figures = tokenize("2");
  CHECK_FALSE(readNumber(figures, 0)->inWords);
}

TEST_CASE("numberWordValue knows zero to ninety", "[check][text][number]") {
  CHECK(numberWordValue("zero") == 0);
  CHECK(numberWordValue("thirteen") == 13);
  CHECK(numberWordValue("ninety") == 90);
  CHECK_FALSE(numberWordValue("hundred").has_value());
  CHECK_FALSE(numberWordValue("Two").has_value());
}

}  // namespace
}  // namespace mkrp::check::text
