// One test per mistake the pre-check made on the labelled directives, each named for the
// behaviour that is now right. Wordings are written the way agencies write them, not copied from
// the labelled set. The first tests use small checklists built in code (engine and text layer);
// the rest run the real checklists (rule data).
#include <catch2/catch.hpp>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "engine_test_support.h"

namespace t = mkrp::check::testing;
using mkrp::core::AgencyKind;
using mkrp::core::Status;

namespace {

const mkrp::check::Precheck& realPrecheck() {
  static const mkrp::check::Precheck precheck(
      mkrp::check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists"));
  return precheck;
}

Status statusOf(const std::string& item, const std::vector<std::string>& blocks,
                AgencyKind kind = AgencyKind::LawEnforcement) {
  const auto report = realPrecheck().run(kind, {t::file("directive.docx", blocks)});
  const auto* finding = report.findFinding(item);
  REQUIRE(finding);
  return finding->status;
}

// One item met by "danger" and "call-taker" in one sentence; hedges are the test set's
// ("should", "may", "if available", "as appropriate").
mkrp::core::ChecklistSet dangerChecklist() {
  return t::checklistSet({t::evidenceItem(
      "T-01", {t::pattern("the call-taker asks about danger",
                          {t::allWithin("sentence", {t::phrase("call-taker"),
                                                     t::phrase("immediate danger")})})})});
}

}  // namespace

TEST_CASE("regression: 'may' in a whether-clause says what might be true and hedges no duty",
          "[check][engine][regression]") {
  const auto set = dangerChecklist();
  CHECK(t::checkOne(set, "T-01",
                    {"The call-taker shall determine whether the child is in immediate danger "
                     "and whether the child may harm himself."})
            .status == Status::Met);
  CHECK(t::checkOne(set, "T-01",
                    {"The call-taker shall ask about immediate danger and any information that "
                     "may assist responders."})
            .status == Status::Met);
  // "may" as permission still weakens the duty.
  CHECK(
      t::checkOne(set, "T-01", {"The call-taker may ask whether the child is in immediate danger."})
          .status == Status::Partial);
}

TEST_CASE("regression: a table's caption introduces its cells", "[check][engine][regression]") {
  const auto set = t::checklistSet({t::evidenceItem(
      "T-02", {t::pattern("medication is asked about",
                          {t::allWithin("sentence",
                                        {t::phrase("questions"), t::phrase("medication")})})})});
  CHECK(t::checkOne(set, "T-02",
                    {"Table 3 — Call-taker questions", "| No.", "| Ask the caller", "| 1",
                     "| Does the child need medication?"})
            .status == Status::Met);
  CHECK(t::checkOne(set, "T-02", {"## KEY QUESTIONS", "| Ask", "| Does the child need medication?"})
            .status == Status::Met);
  // A paragraph that neither ends in ':' nor is a caption introduces nothing.
  CHECK(t::checkOne(set, "T-02",
                    {"Call-takers use the questions of the CAD card.", "| Topic",
                     "| Does the child need medication?"})
            .status == Status::Missing);
}

TEST_CASE("regression: a hedge followed by a firm limit reads as the limit",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-30", {"In all other cases the officer shall enter the juvenile into NCIC as "
                           "soon as practicable, but not later than two hours from the time of "
                           "the initial report."}) == Status::Met);
  CHECK(statusOf("LE-30", {"The officer shall enter the juvenile into NCIC as soon as "
                           "practicable."}) == Status::Partial);
  // Only a vague deadline is lifted by the limit after it; "should" stays a hedge.
  CHECK(statusOf("LE-52", {"The NCIC record should be reviewed within 30 days of entry and "
                           "updated with dental records."}) != Status::Met);
}

TEST_CASE("regression: 'reviewed annually' is how often, not how soon after the call",
          "[check][engine][regression]") {
  CHECK(statusOf("QA-03",
                 {"# Quality assurance", "Reviewed: annually",
                  "The QA coordinator reviews every missing child call."},
                 AgencyKind::Psap) != Status::Met);
  CHECK(statusOf("QA-03",
                 {"# Quality assurance",
                  "The QA coordinator reviews every missing child call within 72 hours of the "
                  "call."},
                 AgencyKind::Psap) == Status::Met);
}

TEST_CASE("regression: child calls in the sample reviewed 'as time permits' contradict QA-03",
          "[check][engine][regression]") {
  CHECK(statusOf("QA-03",
                 {"# QUALITY ASSURANCE", "## Selection of calls",
                  "A. Calls involving missing children are reviewed only as part of the monthly "
                  "random sample.",
                  "B. Reviews are completed as time permits during the monthly review cycle."},
                 AgencyKind::Psap) == Status::Contradicted);
}

TEST_CASE("regression: the recovery interview is read in the section on recovered children",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-65", {"## G. Recovered Children",
                           "The officer shall:", "1. Verify the child's identity in person.",
                           "2. Interview the child about where the child was, with whom, and "
                           "whether the child was abused while missing."}) == Status::Met);
  // Where the child was last seen is asked at the first call.
  CHECK(statusOf("LE-65", {"## Recovery", "When a missing child is located, notify the family.",
                           "## Initial response", "Determine where the child was last seen."}) ==
        Status::Missing);
}

TEST_CASE("regression: assessing the AMBER criteria without requesting the alert is partial",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-41", {"(o) Determine whether the circumstances may meet the criteria for an "
                           "AMBER Alert and advise the shift commander."}) == Status::Partial);
  CHECK(statusOf("LE-41", {"The sergeant shall decide whether to request an AMBER Alert."}) ==
        Status::Met);
}

TEST_CASE("regression: a risk decision without the zone of safety is partial",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-27", {"The deputy will determine whether the juvenile is endangered."}) ==
        Status::Partial);
}

TEST_CASE("regression: NCMEC notified only for children in foster care is partial",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-42", {"The detective shall notify NCMEC of every juvenile reported missing "
                           "from a foster home or group home."}) == Status::Partial);
  CHECK(statusOf("LE-42", {"The sergeant shall notify NCMEC of every missing child reported to "
                           "the Department."}) == Status::Met);
}

TEST_CASE("regression: a supervisor who makes the notifications is not a supervisor notified",
          "[check][engine][regression]") {
  CHECK(statusOf("LE-17", {"The Watch Commander shall ensure that the following notifications "
                           "are made:",
                           "(a) The state clearinghouse, for every missing juvenile."}) !=
        Status::Met);
}

TEST_CASE("regression: staying on the line through a transfer is not the abduction duty",
          "[check][engine][regression]") {
  CHECK(statusOf("PSAP-23",
                 {"When the incident is in another jurisdiction, the call-taker conferences the "
                  "caller to that PSAP and stays on the line until the receiving agency accepts "
                  "the call."},
                 AgencyKind::Psap) == Status::Missing);
  CHECK(statusOf("PSAP-23",
                 {"When an abduction has just occurred, the call-taker shall stay on the line and "
                  "relay updates to responding units."},
                 AgencyKind::Psap) == Status::Met);
}

TEST_CASE("regression: the NCMEC modules for supervisors alone are partial",
          "[check][engine][regression]") {
  CHECK(statusOf("PSAP-03", {"Shift supervisors and CTOs shall also complete MECSET."},
                 AgencyKind::Psap) == Status::Partial);
}

TEST_CASE("regression: notices made only when an officer asks are partial",
          "[check][engine][regression]") {
  CHECK(statusOf("PSAP-29", {"Notify the on-call detective when requested by the officer."},
                 AgencyKind::Psap) == Status::Partial);
}

TEST_CASE("regression: training before the end of the probationary CTO phase is before release",
          "[check][engine][regression]") {
  CHECK(statusOf("QA-10",
                 {"Telecommunicators shall complete the NCMEC MECINTRO and MECTEL courses before "
                  "the end of the probationary CTO phase."},
                 AgencyKind::Psap) == Status::Met);
}

TEST_CASE("regression: the chain of custody of evidence is not custody of a child",
          "[check][engine][regression]") {
  CHECK(statusOf("PSAP-17",
                 {"The call-taker shall ask whether the caller fears the suspect may flee and "
                  "shall preserve the chain of custody of the recording."},
                 AgencyKind::Psap) == Status::Missing);
  CHECK(statusOf("PSAP-17",
                 {"The call-taker shall ask about custody orders and whether the suspect may "
                  "flee the area."},
                 AgencyKind::Psap) == Status::Met);
  CHECK(statusOf("LE-07", {"The audit ensures the continuity of custody of evidence; it is not "
                           "required for every item."}) == Status::Missing);
}

TEST_CASE("regression: 'administrative', 'management' and 'evaluations' are not reviewers' titles",
          "[check][engine][regression]") {
  const std::string heading = "# Quality assurance";
  for (const char* sentence :
       {"Calls are reviewed by administrative staff.", "Calls are reviewed by management.",
        "Call evaluations are reviewed monthly."}) {
    INFO(sentence);
    CHECK(statusOf("QA-02", {heading, sentence}, AgencyKind::Psap) != Status::Met);
  }
  for (const char* sentence :
       {"Calls are reviewed by the Communications Center Administrator.",
        "Calls are reviewed by the QA coordinator.", "Calls are reviewed by the center manager."}) {
    INFO(sentence);
    CHECK(statusOf("QA-02", {heading, sentence}, AgencyKind::Psap) == Status::Met);
  }
}
