// The pre-check of every checklist at once (Precheck::runEach) reads each document once and
// shares what it found between the agency kinds; its reports must be exactly the reports of one
// run per kind. Checked on every labelled directive with the real checklists.
#include <catch2/catch.hpp>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "directive_fixtures.h"

namespace {

using mkrp::core::AgencyKind;

const mkrp::check::Precheck& realPrecheck() {
  static const mkrp::check::Precheck precheck(
      mkrp::check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists"));
  return precheck;
}

// Where two reports first differ, in words, or empty when they are equal.
std::string firstDifference(const mkrp::core::Report& one, const mkrp::core::Report& other) {
  if (one.kind != other.kind) return "agency kinds differ";
  if (one.checklists != other.checklists) return "checklists differ";
  if (one.findings.size() != other.findings.size()) return "numbers of findings differ";
  for (std::size_t i = 0; i < one.findings.size(); ++i) {
    if (!(one.findings[i] == other.findings[i])) {
      return one.findings[i].itemId + ": '" + one.findings[i].reason + "' (" +
             std::to_string(one.findings[i].evidence.size()) + " spans) against '" +
             other.findings[i].reason + "' (" + std::to_string(other.findings[i].evidence.size()) +
             " spans)";
    }
  }
  return {};
}

}  // namespace

TEST_CASE("checking every checklist at once gives each kind the report of its own run",
          "[check][engine][shared]") {
  const auto submissions =
      mkrp::testing::loadFixtureSubmissions(mkrp::testing::fixtureDirectivesDir());
  REQUIRE(submissions.size() > 10);
  std::size_t evidenceSpans = 0;
  for (const auto& submission : submissions) {
    INFO("submission " << submission.id);
    for (const auto& kinds : {std::vector{AgencyKind::LawEnforcement, AgencyKind::Psap},
                              std::vector{AgencyKind::Psap, AgencyKind::LawEnforcement}}) {
      const auto reports = realPrecheck().runEach(kinds, submission.files);
      REQUIRE(reports.size() == kinds.size());
      for (std::size_t k = 0; k < kinds.size(); ++k) {
        const auto alone = realPrecheck().run(kinds[k], submission.files);
        CHECK(firstDifference(reports[k], alone).empty());
        CHECK(reports[k] == alone);
        for (const auto& finding : alone.findings) evidenceSpans += finding.evidence.size();
      }
    }
  }
  // The comparison means something only if the reports carry evidence.
  CHECK(evidenceSpans > 1000);
}

TEST_CASE("checking no kind at all gives no report", "[check][engine][shared]") {
  const auto submissions =
      mkrp::testing::loadFixtureSubmissions(mkrp::testing::fixtureDirectivesDir());
  REQUIRE_FALSE(submissions.empty());
  CHECK(realPrecheck().runEach({}, submissions.front().files).empty());
}
