#include "check/text/duration.h"

#include <catch2/catch.hpp>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr seconds kDay = hours(24);

struct Found {
  Duration duration;
  std::string text;  // the words the mention covers
  std::string_view phrase;
};

std::vector<Found> durationsIn(std::string_view text) {
  std::vector<Found> found;
  const auto tokens = tokenize(text);
  for (const DurationMention& mention : findDurations(tokens)) {
    found.push_back({mention.duration,
                     std::string(text.substr(mention.start, mention.end - mention.start)),
                     mention.phrase});
  }
  return found;
}

struct Case {
  std::string_view text;
  DurationKind kind;
  seconds length;
  Direction direction;
  std::string_view covered;
};

void checkCases(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    const auto found = durationsIn(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].duration.kind == c.kind);
    CHECK(found[0].duration.seconds == c.length);
    CHECK(found[0].duration.direction == c.direction);
    CHECK(found[0].text == c.covered);
  }
}

constexpr auto kExact = DurationKind::Exact;
constexpr auto kPlain = Direction::Plain;
constexpr auto kAtMost = Direction::AtMost;
constexpr auto kAtLeast = Direction::AtLeast;

TEST_CASE("durations read amounts in figures and words", "[check][text][duration]") {
  checkCases({
      {"two hours", kExact, hours(2), kPlain, "two hours"},
      {"2 hrs.", kExact, hours(2), kPlain, "2 hrs"},
      {"2hrs", kExact, hours(2), kPlain, "2hrs"},
      {"2h", kExact, hours(2), kPlain, "2h"},
      {"a 2-hour limit", kExact, hours(2), kPlain, "2-hour"},
      {"120 minutes", kExact, hours(2), kPlain, "120 minutes"},
      {"15 mins", kExact, minutes(15), kPlain, "15 mins"},
      {"30 seconds", kExact, seconds(30), kPlain, "30 seconds"},
      {"24-hour", kExact, hours(24), kPlain, "24-hour"},
      {"twenty-four hours", kExact, hours(24), kPlain, "twenty-four hours"},
      {"two (2) hours", kExact, hours(2), kPlain, "two (2) hours"},
      {"thirty (30) days", kExact, 30 * kDay, kPlain, "thirty (30) days"},
      {"half an hour", kExact, minutes(30), kPlain, "half an hour"},
      {"a half hour", kExact, minutes(30), kPlain, "a half hour"},
      {"one-half hour", kExact, minutes(30), kPlain, "one-half hour"},
      {"1/2 hour", kExact, minutes(30), kPlain, "1/2 hour"},
      {"\xC2\xBD hour", kExact, minutes(30), kPlain, "\xC2\xBD hour"},
      {"an hour", kExact, hours(1), kPlain, "an hour"},
      {"1.5 hours", kExact, minutes(90), kPlain, "1.5 hours"},
      {"1 1/2 hours", kExact, minutes(90), kPlain, "1 1/2 hours"},
      {"one and a half hours", kExact, minutes(90), kPlain, "one and a half hours"},
      {"an hour and a half", kExact, minutes(90), kPlain, "an hour and a half"},
      {"48 hrs", kExact, hours(48), kPlain, "48 hrs"},
      {"a day", kExact, kDay, kPlain, "a day"},
      {"72 hours", kExact, hours(72), kPlain, "72 hours"},
      {"one week", kExact, 7 * kDay, kPlain, "one week"},
      {"30 days", kExact, 30 * kDay, kPlain, "30 days"},
      {"180 days", kExact, 180 * kDay, kPlain, "180 days"},
      {"one hundred eighty (180) days", kExact, 180 * kDay, kPlain,
       "one hundred eighty (180) days"},
      {"6 months", kExact, 180 * kDay, kPlain, "6 months"},
      {"1 year", kExact, 365 * kDay, kPlain, "1 year"},
      {"7 calendar days", kExact, 7 * kDay, kPlain, "7 calendar days"},
      {"five business days", kExact, 7 * kDay, kPlain, "five business days"},
      {"one working day", kExact, 3 * kDay, kPlain, "one working day"},
      {"ten business days", kExact, 14 * kDay, kPlain, "ten business days"},
      {"two shifts", DurationKind::Shift, hours(24), kPlain, "two shifts"},
  });
}

TEST_CASE("durations read the direction of a bound", "[check][text][duration]") {
  checkCases({
      {"within one (1) hour", kExact, hours(1), kAtMost, "within one (1) hour"},
      {"entered within 2 hours of receipt", kExact, hours(2), kAtMost, "within 2 hours"},
      {"not later than two hours", kExact, hours(2), kAtMost, "not later than two hours"},
      {"no later than 2 hours", kExact, hours(2), kAtMost, "no later than 2 hours"},
      {"no more than 2 hours", kExact, hours(2), kAtMost, "no more than 2 hours"},
      {"not to exceed two hours", kExact, hours(2), kAtMost, "not to exceed two hours"},
      {"within the first 24 hours", kExact, hours(24), kAtMost, "within the first 24 hours"},
      {"within a period of two hours", kExact, hours(2), kAtMost, "within a period of two hours"},
      {"within the previous 180 days", kExact, 180 * kDay, kAtMost, "within the previous 180 days"},
      {"up to 30 days", kExact, 30 * kDay, kAtMost, "up to 30 days"},
      {"less than an hour", kExact, hours(1), kAtMost, "less than an hour"},
      {"a maximum of 2 hours", kExact, hours(2), kAtMost, "a maximum of 2 hours"},
      {"24 hours or less", kExact, hours(24), kAtMost, "24 hours or less"},
      {"at least 30 days", kExact, 30 * kDay, kAtLeast, "at least 30 days"},
      {"a minimum of 12 hours", kExact, hours(12), kAtLeast, "a minimum of 12 hours"},
      {"after 24 hours", kExact, hours(24), kAtLeast, "after 24 hours"},
      {"missing more than 24 hours", kExact, hours(24), kAtLeast, "more than 24 hours"},
      {"wait 48 hours", kExact, hours(48), kAtLeast, "wait 48 hours"},
      {"until 24 hours have passed", kExact, hours(24), kAtLeast, "until 24 hours"},
      {"48 hours or more", kExact, hours(48), kAtLeast, "48 hours or more"},
      {"a 24-hour waiting period", kExact, hours(24), kPlain, "24-hour"},
      {"missing for 24 hours", kExact, hours(24), kPlain, "24 hours"},
  });
}

TEST_CASE("durations read immediacy and hedges", "[check][text][duration]") {
  const auto immediate = DurationKind::Immediate;
  const auto vague = DurationKind::Vague;
  const seconds none{0};
  checkCases({
      {"shall be entered immediately", immediate, none, kPlain, "immediately"},
      {"without delay", immediate, none, kPlain, "without delay"},
      {"without any delay", immediate, none, kPlain, "without any delay"},
      {"forthwith", immediate, none, kPlain, "forthwith"},
      {"at once", immediate, none, kPlain, "at once"},
      {"upon receipt of the report", immediate, none, kPlain, "upon receipt"},
      {"an immediate response", immediate, none, kPlain, "immediate response"},
      {"as soon as possible", vague, none, kPlain, "as soon as possible"},
      {"as soon as practical", vague, none, kPlain, "as soon as practical"},
      {"as soon as practicable", vague, none, kPlain, "as soon as practicable"},
      {"as soon as practically possible", vague, none, kPlain, "as soon as practically"},
      {"as soon as reasonably possible", vague, none, kPlain, "as soon as reasonably possible"},
      {"promptly", vague, none, kPlain, "promptly"},
      {"in a timely manner", vague, none, kPlain, "in a timely manner"},
      {"when time permits", vague, none, kPlain, "when time permits"},
      {"as time permits", vague, none, kPlain, "as time permits"},
      {"time permitting", vague, none, kPlain, "time permitting"},
      {"when workload allows", vague, none, kPlain, "when workload allows"},
      {"periodically", vague, none, kPlain, "periodically"},
      {"without unnecessary delay", vague, none, kPlain, "without unnecessary delay"},
      {"when they get time", vague, none, kPlain, "when they get time"},
      {"when a unit becomes available", vague, none, kPlain, "when a unit becomes available"},
  });
}

TEST_CASE("durations read limits tied to shifts and days", "[check][text][duration]") {
  const auto shift = DurationKind::Shift;
  const auto day = DurationKind::NextDay;
  checkCases({
      {"end of shift", shift, kEndOfShift, kPlain, "end of shift"},
      {"by the end of the shift", shift, kEndOfShift, kAtMost, "by the end of the shift"},
      {"prior to the end of their tour of duty", shift, kEndOfShift, kAtMost,
       "prior to the end of their tour of duty"},
      {"before the end of the officer's shift", shift, kEndOfShift, kAtMost,
       "before the end of the officer's shift"},
      {"before going off duty", shift, kEndOfShift, kAtMost, "before going off duty"},
      {"within the same shift", shift, kEndOfShift, kAtMost, "within the same shift"},
      {"by the end of the reviewer's next scheduled shift", shift, kNextShift, kAtMost,
       "by the end of the reviewer's next scheduled shift"},
      {"next business day", day, kNextBusinessDay, kPlain, "next business day"},
      {"on the next business day", day, kNextBusinessDay, kPlain, "next business day"},
      {"next day", day, kNextDay, kPlain, "next day"},
      {"the following day", day, kNextDay, kPlain, "following day"},
      {"overnight", day, kOvernight, kPlain, "overnight"},
      {"until morning", day, kOvernight, kPlain, "until morning"},
      {"until the next day", day, kNextDay, kAtLeast, "until the next day"},
      {"by the end of the day", day, kEndOfDay, kAtMost, "by the end of the day"},
  });
}

TEST_CASE("durations read recurring intervals", "[check][text][duration]") {
  for (const auto& [text, length] : std::initializer_list<std::pair<std::string_view, seconds>>{
           {"every 30 days", 30 * kDay},
           {"each shift", kEndOfShift},
           {"annually", 365 * kDay},
           {"at annual validation", 365 * kDay},
           {"monthly", 30 * kDay},
           {"semi-annually", 182 * kDay}}) {
    INFO("text: " << text);
    const auto found = durationsIn(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].duration.recurring);
    CHECK(found[0].duration.seconds == length);
  }
}

TEST_CASE("durations ignore numbers that are not time limits", "[check][text][duration]") {
  for (std::string_view text :
       {"Section 2", "Chapter 24", "Form 30", "Section 4.2.1 hours", "two officers",
        "under 18 years of age", "17 years of age or younger", "children 12 years old or younger",
        "at 0800 hours", "report at 1600 hrs", "a second officer", "the 2nd shift",
        "call 1-800-843-5678", "24/7 coverage", "page 3 of 10", "the child's age",
        "the shift supervisor", "a day-care center worker"}) {
    INFO("text: " << text);
    const auto found = durationsIn(text);
    CHECK(found.empty());
    for (const Found& f : found) INFO("found: " << f.text);
  }
}

TEST_CASE("durations find every limit in a passage, in order", "[check][text][duration]") {
  const auto found = durationsIn(
      "The child shall be entered immediately, not to exceed two hours. Runaways will be "
      "entered by the end of shift. Reports are reviewed within 30 days.");
  REQUIRE(found.size() == 4);
  CHECK(found[0].duration.kind == DurationKind::Immediate);
  CHECK(found[1].text == "not to exceed two hours");
  CHECK(found[2].duration.kind == DurationKind::Shift);
  CHECK(found[3].duration.seconds == 30 * kDay);
}

TEST_CASE("durations give rates one mention per amount", "[check][text][duration]") {
  const auto found = durationsIn("staffed 24 hours a day, twice a day");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "24 hours");
}

TEST_CASE("duration phrases carry their canonical name", "[check][text][duration]") {
  const auto found = durationsIn("as soon as practicable; two hours");
  REQUIRE(found.size() == 2);
  CHECK(found[0].phrase == "as soon as practical");
  CHECK(found[1].phrase.empty());
}

TEST_CASE("compare tells whether a limit meets a bound", "[check][text][duration]") {
  struct BoundCase {
    std::string_view text;
    seconds bound;
    Comparison expected;
  };
  for (const BoundCase& c : std::initializer_list<BoundCase>{
           {"within two hours", hours(2), Comparison::Within},
           {"120 minutes", hours(2), Comparison::Within},
           {"121 minutes", hours(2), Comparison::Exceeds},
           {"within one hour", hours(2), Comparison::Within},
           {"within 24 hours", hours(2), Comparison::Exceeds},
           {"within 4 hours", hours(2), Comparison::Exceeds},
           {"immediately", hours(2), Comparison::Within},
           {"without delay", seconds(0), Comparison::Within},
           {"as soon as practical", hours(2), Comparison::Vague},
           {"when time permits", 30 * kDay, Comparison::Vague},
           {"by end of shift", hours(2), Comparison::Exceeds},
           {"by end of shift", hours(12), Comparison::Within},
           {"next business day", hours(24), Comparison::Exceeds},
           {"overnight", seconds(0), Comparison::Exceeds},
           {"a 24-hour waiting period", seconds(0), Comparison::Exceeds},
           {"at least 12 hours", seconds(0), Comparison::Exceeds},
           {"at least 30 days", 30 * kDay, Comparison::Vague},
           {"at least 31 days", 30 * kDay, Comparison::Exceeds},
           {"within 30 days", 30 * kDay, Comparison::Within},
           {"within 31 days", 30 * kDay, Comparison::Exceeds},
           {"within one month", 30 * kDay, Comparison::Within},
           {"within 60 days", 30 * kDay, Comparison::Exceeds},
           {"annually", 30 * kDay, Comparison::Exceeds},
       }) {
    INFO("text: " << c.text);
    const auto duration = parseDuration(c.text);
    REQUIRE(duration.has_value());
    CHECK(compare(*duration, c.bound) == c.expected);
  }
}

TEST_CASE("parseDuration finds nothing in text without a limit", "[check][text][duration]") {
  CHECK_FALSE(parseDuration("Section 2 of Chapter 24").has_value());
  CHECK_FALSE(parseDuration("").has_value());
}

}  // namespace
}  // namespace mkrp::check::text
