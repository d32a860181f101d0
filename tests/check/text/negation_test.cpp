#include "check/text/negation.h"

#include <catch2/catch.hpp>

#include "text_test_support.h"

namespace mkrp::check::text {
namespace {

using testing::find;

struct Case {
  std::string_view sentence;
  std::string_view span;  // lower-case words of the span
  NegationReach reach;    // None means Affirmed
  std::string_view cue;   // cue name, when negated
  std::string_view head;  // the negated word, when negated
};

constexpr auto kNone = NegationReach::None;
constexpr auto kDirect = NegationReach::Direct;
constexpr auto kPreceding = NegationReach::Preceding;
constexpr auto kFollowing = NegationReach::Following;

void checkCases(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    INFO("sentence: " << c.sentence << "\nspan: " << c.span);
    const auto tokens = tokenize(c.sentence);
    const TokenRange span = find(tokens, c.span);
    REQUIRE_FALSE(span.empty());
    const Negation negation = negationOf(tokens, span);
    CHECK(negation.reach == c.reach);
    if (c.reach == kNone) {
      CHECK(negation.polarity == Polarity::Affirmed);
      CHECK(negation.cueName.empty());
      continue;
    }
    CHECK(negation.polarity == Polarity::Negated);
    CHECK(negation.cueName == c.cue);
    REQUIRE(negation.negated != Negation::kNone);
    CHECK(tokens[negation.negated].lower == c.head);
  }
}

TEST_CASE("negation of a required practice is found", "[check][text][negation]") {
  checkCases({
      {"There is no waiting period for reporting a missing child.", "waiting period", kDirect, "no",
       "waiting"},
      {"There's no waiting period.", "waiting period", kDirect, "no", "waiting"},
      {"No waiting period is required.", "waiting period", kDirect, "no", "waiting"},
      {"No waiting period is required.", "required", kPreceding, "no", "waiting"},
      {"No minimum time period must pass before a report is accepted.", "time period", kDirect,
       "no", "minimum"},
      {"A report shall not be refused for any reason.", "refused", kDirect, "not", "refused"},
      {"Reports can't be refused.", "refused", kDirect, "not", "refused"},
      {"Entry into NCIC will not be delayed for a photograph.", "delayed", kDirect, "not",
       "delayed"},
      {"Jurisdictional issues will not delay the response.", "delay", kDirect, "not", "delay"},
      {"Officers shall accept the report without delay.", "delay", kDirect, "without", "delay"},
      {"Reports shall be accepted regardless of the amount of time the child has been missing.",
       "amount of time", kDirect, "regardless of", "amount"},
      {"Under no circumstances shall a report be refused because of jurisdiction.", "refused",
       kPreceding, "under no circumstances", "report"},
      {"No report of a missing child shall be refused.", "refused", kPreceding, "no", "report"},
      {"Nothing in this policy shall prevent an officer from taking a report by telephone.",
       "telephone", kPreceding, "nothing", "in"},
      {"Officers shall not refuse a report because the child has been missing less than 24 "
       "hours.",
       "24 hours", kPreceding, "not", "refuse"},
      {"Custody disputes do not preclude a missing child report.", "missing child report",
       kPreceding, "not", "preclude"},
      {"Waiting periods are prohibited.", "waiting periods", kFollowing, "prohibited", "waiting"},
      {"Officers are prohibited from refusing reports.", "refusing", kDirect, "prohibited",
       "refusing"},
      {"A parent's signature is not required before the child is entered.", "signature", kFollowing,
       "not", "required"},
  });
}

TEST_CASE("negation of a required practice itself is found", "[check][text][negation]") {
  checkCases({
      {"Phone reports are not accepted.", "phone reports", kFollowing, "not", "accepted"},
      {"Phone reports are not accepted.", "accepted", kDirect, "not", "accepted"},
      {"Missing juvenile reports will not be taken over the phone.", "phone", kPreceding, "not",
       "taken"},
      {"Chronic runaways will not be entered into NCIC.", "ncic", kPreceding, "not", "entered"},
      {"Chronic runaways will not be entered into NCIC.", "chronic runaways", kFollowing, "not",
       "entered"},
      {"Juveniles 13-17 who leave voluntarily are not considered missing.", "juveniles", kFollowing,
       "not", "considered"},
      {"Reports will not be accepted until the child has been missing 24 hours.", "accepted",
       kDirect, "not", "accepted"},
      {"Callers will not be told to call back if the child does not return.", "call back",
       kPreceding, "not", "told"},
      {"The absence of a custody order is not a reason to decline a report.", "custody order",
       kFollowing, "not", "reason"},
      {"Parents will be asked to search; officers will never search the residence.", "residence",
       kPreceding, "never", "search"},
  });
}

TEST_CASE("negation stays inside its clause", "[check][text][negation]") {
  checkCases({
      {"Reports will not be accepted until the child has been missing 24 hours.", "24 hours", kNone,
       "", ""},
      {"Officers will enter the child into NCIC within two hours and will not wait for a photo.",
       "ncic", kNone, "", ""},
      {"Officers will enter the child into NCIC within two hours and will not wait for a photo.",
       "photo", kPreceding, "not", "wait"},
      {"The supervisor will be notified; NCMEC will not be contacted.", "supervisor", kNone, "",
       ""},
      {"A photograph is not needed, but the child must be entered within two hours.", "two hours",
       kNone, "", ""},
      {"Reports are accepted unless the caller is not the parent.", "accepted", kNone, "", ""},
      {"Do not wait. Enter the child within two hours.", "two hours", kNone, "", ""},
  });
}

TEST_CASE("negation ignores words that only look negative", "[check][text][negation]") {
  checkCases({
      {"A 24-hour waiting period is required before a report is taken.", "waiting period", kNone,
       "", ""},
      {"Reports will be entered no later than two hours after the call.", "two hours", kNone, "",
       ""},
      {"Reports will be entered not later than two hours after the call.", "entered", kNone, "",
       ""},
      {"Entry shall not exceed two hours.", "two hours", kNone, "", ""},
      {"Entry is required within not more than two hours.", "two hours", kNone, "", ""},
      {"Dispatch, including but not limited to the BOLO, shall occur immediately.", "bolo", kNone,
       "", ""},
      {"Use Form No. 12 to record the report.", "record", kNone, "", ""},
      {"The officer shall not only take the report but also notify the supervisor.",
       "take the report", kNone, "", ""},
      {"Reports shall be accepted whether or not the child has run away before.", "run away", kNone,
       "", ""},
      {"Runaway reports are handled as non-emergency calls.", "runaway reports", kNone, "", ""},
      {"The reporting party must respond to headquarters to file the report.", "headquarters",
       kNone, "", ""},
      {"Enter the child within two hours, if not sooner.", "two hours", kNone, "", ""},
  });
}

TEST_CASE("a cue that starts the span is part of the concept", "[check][text][negation]") {
  checkCases({
      {"There is no waiting period.", "no waiting period", kNone, "", ""},
      {"Accept reports without delay.", "without delay", kNone, "", ""},
  });
}

TEST_CASE("a cue inside the span negates it", "[check][text][negation]") {
  checkCases({
      {"Reports are not accepted by phone.", "reports are not accepted by phone", kDirect, "not",
       "accepted"},
  });
}

TEST_CASE("negation reports the clause it searched", "[check][text][negation]") {
  const auto tokens = tokenize("Enter the child; do not wait for a photo.");
  const Negation negation = negationOf(tokens, find(tokens, "photo"));
  CHECK(negation.clause == TokenRange{3, 9});
  CHECK(negation.cue == find(tokens, "not"));
}

}  // namespace
}  // namespace mkrp::check::text
