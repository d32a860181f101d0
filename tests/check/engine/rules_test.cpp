// Each rule element of docs/checklist-format.md on a small hand-built checklist.
#include <catch2/catch.hpp>

#include "engine_test_support.h"

using namespace mkrp::check::testing;
using mkrp::core::Hedging;
using mkrp::core::Status;
using mkrp::core::TimeUnit;

namespace {

// A checklist with one item, X-1, met by `meets`.
mkrp::core::ChecklistSet oneItem(mkrp::core::Matcher meets,
                                 std::vector<mkrp::core::Concept> concepts = {}) {
  return checklistSet({evidenceItem("X-1", {pattern("found it", {std::move(meets)})})},
                      mkrp::core::AgencyKind::LawEnforcement, std::move(concepts));
}

Status statusOf(const mkrp::core::ChecklistSet& set, const std::string& text) {
  return checkOne(set, "X-1", {text}).status;
}

}  // namespace

TEST_CASE("a phrase matches stemmed, ignoring case, punctuation and line-break hyphens",
          "[check][engine]") {
  const auto set = oneItem(phrase("entered into NCIC"));
  CHECK(statusOf(set, "The child shall be entered into NCIC.") == Status::Met);
  CHECK(statusOf(set, "Officers shall ENTER, into NCIC, the record.") == Status::Met);
  CHECK(statusOf(set, "Officers shall have the child entered\ninto NCIC.") == Status::Met);
  CHECK(statusOf(set, "Officers shall en-\ntering into NCIC.") == Status::Met);
  CHECK(statusOf(set, "Officers shall enter the child into NCIC.") == Status::Missing);
}

TEST_CASE("a phrase does not run across a sentence end", "[check][engine]") {
  const auto set = oneItem(phrase("report immediately"));
  CHECK(statusOf(set, "Officers shall report immediately.") == Status::Met);
  CHECK(statusOf(set, "Officers shall file the report. Immediately after, they call.") ==
        Status::Missing);
}

TEST_CASE("an exact-case phrase keeps the case as written", "[check][engine]") {
  const auto set = oneItem(phrase("LEADS", true));
  CHECK(statusOf(set, "The record is entered into LEADS.") == Status::Met);
  CHECK(statusOf(set, "Officers follow all investigative leads.") == Status::Missing);
}

TEST_CASE("a concept matches any of its phrases but not inside an exception", "[check][engine]") {
  auto immediately = makeConcept("immediately", {"immediately", "without delay"});
  immediately.exceptions.push_back({"effective immediately", false});
  immediately.expandedExceptions = immediately.exceptions;
  const auto set = oneItem(conceptRef("immediately"), {immediately});
  CHECK(statusOf(set, "Officers shall respond without delay.") == Status::Met);
  CHECK(statusOf(set, "Officers shall respond immediately.") == Status::Met);
  CHECK(statusOf(set, "This order is effective immediately.") == Status::Missing);
}

TEST_CASE("any matches where one option matches", "[check][engine]") {
  const auto set = oneItem(anyOf({phrase("NCIC"), phrase("LEADS")}));
  CHECK(statusOf(set, "Enter the child in LEADS.") == Status::Met);
  CHECK(statusOf(set, "Enter the child in the log.") == Status::Missing);
}

TEST_CASE("all within N words needs the parts that close together", "[check][engine]") {
  const auto set = oneItem(allWithin("3", {phrase("supervisor"), phrase("notified")}));
  CHECK(statusOf(set, "The supervisor shall be notified.") == Status::Met);
  CHECK(statusOf(set, "Notified, the shift supervisor takes command.") == Status::Met);
  CHECK(
      statusOf(set, "The supervisor reviews the file, the map and the log and is then notified.") ==
      Status::Missing);
}

TEST_CASE("all within a sentence needs the parts in one sentence", "[check][engine]") {
  const auto set = oneItem(allWithin("sentence", {phrase("NCIC"), phrase("two hours")}));
  CHECK(statusOf(set, "Enter the child into NCIC within two hours.") == Status::Met);
  CHECK(statusOf(set, "Enter the child into NCIC. Call the family within two hours.") ==
        Status::Missing);
}

TEST_CASE("all within a block needs the parts in one block", "[check][engine]") {
  const auto set = oneItem(allWithin("block", {phrase("NCIC"), phrase("photograph")}));
  CHECK(checkOne(set, "X-1", {"Enter the child into NCIC. Add the photograph."}).status ==
        Status::Met);
  CHECK(checkOne(set, "X-1", {"Enter the child into NCIC.", "Add the photograph."}).status ==
        Status::Missing);
}

TEST_CASE("all within a document finds the parts anywhere in one document", "[check][engine]") {
  const auto set = oneItem(allWithin("document", {phrase("NCIC"), phrase("photograph")}));
  CHECK(checkOne(set, "X-1", {"# One", "Enter NCIC.", "# Two", "Add the photograph."}).status ==
        Status::Met);
}

TEST_CASE("a without matcher in the scope discards the match", "[check][engine]") {
  const auto set =
      oneItem(allWithin("sentence", {phrase("NCIC"), phrase("entered")}, {phrase("cancelled")}));
  CHECK(statusOf(set, "The child is entered into NCIC.") == Status::Met);
  CHECK(statusOf(set, "Records entered into NCIC are cancelled when the child is found.") ==
        Status::Missing);
  CHECK(statusOf(set, "The child is entered into NCIC. Entries are cancelled later.") ==
        Status::Met);
}

TEST_CASE("negated matches a required negative and affirmed its contradiction", "[check][engine]") {
  auto waiting = makeConcept("waiting-period", {"waiting period"});
  const auto set = checklistSet(
      {evidenceItem("X-1",
                    {pattern("no waiting period", {negated({conceptRef("waiting-period")})})}, {},
                    {pattern("a waiting period", {affirmed({conceptRef("waiting-period")})})})},
      mkrp::core::AgencyKind::LawEnforcement, {waiting});
  CHECK(statusOf(set, "There is no waiting period for reporting a missing child.") == Status::Met);
  CHECK(statusOf(set, "A waiting period is not required.") == Status::Met);
  CHECK(statusOf(set, "A 24-hour waiting period applies.") == Status::Contradicted);
}

TEST_CASE("a negation written inside the phrase itself does not negate it", "[check][engine]") {
  const auto set = oneItem(negated({phrase("do not touch")}));
  CHECK(statusOf(set, "Tell the caller: do not touch anything in the room.") == Status::Missing);
}

TEST_CASE("a duration at most a bound meets and one over it matches the over bound",
          "[check][engine]") {
  const auto atMost =
      oneItem(allWithin("sentence", {phrase("NCIC"), durationAtMost(2, TimeUnit::Hours)}));
  CHECK(statusOf(atMost, "Enter into NCIC within two (2) hours.") == Status::Met);
  CHECK(statusOf(atMost, "Enter into NCIC within 120 minutes.") == Status::Met);
  CHECK(statusOf(atMost, "Enter into NCIC within 1 hr.") == Status::Met);
  CHECK(statusOf(atMost, "Enter into NCIC within 24 hours.") == Status::Missing);
  CHECK(statusOf(atMost, "Enter into NCIC immediately.") == Status::Missing);
  const auto over =
      oneItem(allWithin("sentence", {phrase("NCIC"), durationOver(2, TimeUnit::Hours)}));
  CHECK(statusOf(over, "Enter into NCIC within 24 hours.") == Status::Met);
  CHECK(statusOf(over, "Enter into NCIC within four (4) hours.") == Status::Met);
  CHECK(statusOf(over, "Enter into NCIC within two hours.") == Status::Missing);
}

TEST_CASE("a duration over the bound names the stated time in the reason", "[check][engine]") {
  const auto set = checklistSet({evidenceItem(
      "X-1", {pattern("entered", {phrase("NCIC")})}, {},
      {pattern("the deadline is too long",
               {allWithin("sentence", {phrase("NCIC"), durationOver(2, TimeUnit::Hours)})})})});
  const auto finding = checkOne(set, "X-1", {"4.2.1 Enter the child into NCIC within 24 hours."});
  CHECK(finding.status == Status::Contradicted);
  CHECK_THAT(finding.reason,
             Catch::Contains("'within 24 hours' is longer than the 2 hours allowed") &&
                 Catch::Contains("in 4.2.1"));
}

TEST_CASE("an age bound reads age limits as ranges", "[check][engine]") {
  const auto covers13 = oneItem(ageBound(13, 17));
  CHECK(statusOf(covers13, "The child is 13 years of age or younger.") == Status::Met);
  CHECK(statusOf(covers13, "The child is under 16.") == Status::Met);
  CHECK(statusOf(covers13, "Any person under 18 years of age.") == Status::Missing);
  CHECK(statusOf(covers13, "The child is 12 and under.") == Status::Missing);
  const auto below13 = oneItem(ageBound(std::nullopt, 13));
  CHECK(statusOf(below13, "The child is 12 years of age or younger.") == Status::Met);
  CHECK(statusOf(below13, "The child is 13 years of age or younger.") == Status::Missing);
}

TEST_CASE("a complete list with every member meets", "[check][engine]") {
  const auto set = oneItem(completeList("block", "call types", 1,
                                        {{"abduction", phrase("abduction")},
                                         {"lost child", phrase("lost child")},
                                         {"online crimes", phrase("online")}}));
  CHECK(statusOf(set, "Review abduction, lost child and online calls.") == Status::Met);
}

TEST_CASE("an incomplete list is partial and names the missing members", "[check][engine]") {
  const auto set = oneItem(completeList("block", "call types", 2,
                                        {{"abduction calls", phrase("abduction")},
                                         {"lost-child calls", phrase("lost child")},
                                         {"online crimes", phrase("online")}}));
  const auto finding = checkOne(set, "X-1", {"Review abduction and lost child calls."});
  CHECK(finding.status == Status::Partial);
  CHECK_THAT(finding.reason, Catch::Contains("not found: online crimes"));
  CHECK(statusOf(set, "Review abduction calls.") == Status::Missing);
}

TEST_CASE("a hedge in the sentence weakens a meets match to partial", "[check][engine]") {
  const auto set = oneItem(phrase("notify NCMEC"));
  CHECK(statusOf(set, "Officers shall notify NCMEC.") == Status::Met);
  const auto finding = checkOne(set, "X-1", {"Officers should notify NCMEC."});
  CHECK(finding.status == Status::Partial);
  CHECK_THAT(finding.reason, Catch::Contains("hedged ('should')"));
  CHECK(statusOf(set, "Officers shall notify NCMEC, if available.") == Status::Partial);
}

TEST_CASE("a hedge exception is not a hedge", "[check][engine]") {
  const auto set = oneItem(phrase("notify NCMEC"));
  CHECK(statusOf(set, "When the child may be at risk, officers shall notify NCMEC.") ==
        Status::Met);
}

TEST_CASE("when-hedged met ignores hedges", "[check][engine]") {
  const auto set = checklistSet({evidenceItem(
      "X-1", {pattern("phone reports", {phrase("by telephone")}, Hedging::Ignored)})});
  CHECK(checkOne(set, "X-1", {"Reports may be made by telephone."}).status == Status::Met);
}

TEST_CASE("a list entry carries the hedge of its lead-in sentence", "[check][engine]") {
  const auto set = oneItem(phrase("notify NCMEC"));
  CHECK(checkOne(set, "X-1", {"Officers should take these actions:", "(a) Notify NCMEC."}).status ==
        Status::Partial);
  CHECK(checkOne(set, "X-1", {"Officers shall take these actions:", "(a) Notify NCMEC."}).status ==
        Status::Met);
}

TEST_CASE("a list entry is read in one sentence with its lead-in", "[check][engine]") {
  const auto set = oneItem(allWithin("sentence", {phrase("detective"), phrase("debrief")}));
  CHECK(
      checkOne(set, "X-1", {"The assigned detective shall:", "1. Debrief the officers."}).status ==
      Status::Met);
  CHECK(
      checkOne(set, "X-1",
               {"The assigned detective shall:", "1. Call the family.", "2. Debrief the officers."})
          .status == Status::Met);
  CHECK(checkOne(set, "X-1", {"The assigned detective arrives.", "1. Debrief the officers."})
            .status == Status::Missing);
}

TEST_CASE("partial rules give partial and contradiction wins over meets", "[check][engine]") {
  const auto set = checklistSet({evidenceItem(
      "X-1",
      {pattern("entered within two hours",
               {allWithin("sentence", {phrase("NCIC"), durationAtMost(2, TimeUnit::Hours)})})},
      {pattern("entered, no deadline", {phrase("NCIC")})},
      {pattern("entry waits for the end of shift", {phrase("end of shift")})})});
  CHECK(checkOne(set, "X-1", {"Enter the child into NCIC."}).status == Status::Partial);
  CHECK(checkOne(set, "X-1", {"Enter the child into NCIC within one hour."}).status == Status::Met);
  const auto both = checkOne(
      set, "X-1",
      {"Enter the child into NCIC within one hour.", "Entries may wait until the end of shift."});
  CHECK(both.status == Status::Contradicted);
  REQUIRE(both.evidence.size() == 2);
  CHECK(both.evidence[0].role == mkrp::core::EvidenceRole::Contradicts);
  CHECK(both.evidence[1].role == mkrp::core::EvidenceRole::Meets);
  CHECK_THAT(both.reason, Catch::Contains("elsewhere"));
}

// A negated part of an <all> is read only where the other parts meet, unless another rule has
// read it for the whole document already: either way the finding must be the same, including
// when the negation is in the lead-in sentence of the list entry that holds the other part.
TEST_CASE("a negated part of an all gives the same finding whether or not it was read whole first",
          "[check][engine]") {
  const auto rule = [] {
    return allWithin("sentence", {phrase("telephone"), negated({phrase("accept")})});
  };
  const auto narrowed = checklistSet({evidenceItem("X-1", {pattern("found it", {rule()})})});
  const auto readWholeFirst = checklistSet(
      {evidenceItem("X-0", {pattern("negated anywhere", {negated({phrase("accept")})})}),
       evidenceItem("X-1", {pattern("found it", {rule()})})});
  const std::vector<std::string> blocks = {
      "Walk-in reports are not accepted after midnight.",
      "Reports by telephone shall be taken at once.",
      "The call-taker shall not accept the following:",
      "- reports by telephone from a withheld number",
  };
  const auto first = checkOne(narrowed, "X-1", blocks);
  const auto second = checkOne(readWholeFirst, "X-1", blocks);
  CHECK(first == second);
  REQUIRE(first.status == Status::Met);
  REQUIRE(first.evidence.size() == 2);
  CHECK(first.evidence[0].text == "not accept");
  CHECK(first.evidence[1].text == "telephone");
}
