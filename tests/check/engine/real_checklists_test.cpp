// Short realistic sentences against the real checklists in checklists/.
#include <catch2/catch.hpp>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "engine_test_support.h"

using mkrp::core::AgencyKind;
using mkrp::core::Status;

namespace {

const mkrp::check::Precheck& realPrecheck() {
  static const mkrp::check::Precheck precheck(
      mkrp::check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists"));
  return precheck;
}

mkrp::core::Finding check(const std::string& item, const std::vector<std::string>& blocks,
                          AgencyKind kind = AgencyKind::LawEnforcement) {
  const auto report =
      realPrecheck().run(kind, {mkrp::check::testing::file("directive.docx", blocks)});
  const auto* finding = report.findFinding(item);
  REQUIRE(finding);
  return *finding;
}

}  // namespace

TEST_CASE("real checklists: 'no waiting period' meets LE-05", "[check][engine][real]") {
  CHECK(check("LE-05", {"There is no waiting period for reporting a missing child."}).status ==
        Status::Met);
}

TEST_CASE("real checklists: waiting 24 hours contradicts LE-05", "[check][engine][real]") {
  const auto finding = check("LE-05", {"Officers will wait 24 hours before taking a report."});
  CHECK(finding.status == Status::Contradicted);
  REQUIRE_FALSE(finding.evidence.empty());
  CHECK(finding.evidence.front().role == mkrp::core::EvidenceRole::Contradicts);
}

TEST_CASE("real checklists: NCIC entry within two hours meets LE-30", "[check][engine][real]") {
  CHECK(check("LE-30", {"The officer shall enter the missing child into NCIC within two hours of "
                        "receiving the report."})
            .status == Status::Met);
}

TEST_CASE("real checklists: NCIC entry within 24 hours contradicts LE-30",
          "[check][engine][real]") {
  const auto finding = check("LE-30", {"4.2.1 The officer shall enter the missing child into NCIC "
                                       "within 24 hours of receiving the report."});
  CHECK(finding.status == Status::Contradicted);
  CHECK_THAT(finding.reason, Catch::Contains("24 hours") && Catch::Contains("4.2.1"));
}

TEST_CASE("real checklists: a PSAP item is not applicable to a law-enforcement agency",
          "[check][engine][real]") {
  CHECK(check("PSAP-31", {"Enter the child into NCIC within two hours."}).status ==
        Status::NotApplicable);
  CHECK(check("QA-01", {"Quality assurance applies."}).status == Status::NotApplicable);
}

TEST_CASE("real checklists: the QA checklist applies to a 9-1-1 center", "[check][engine][real]") {
  CHECK(check("QA-01", {"Nothing here."}, AgencyKind::Psap).status == Status::Missing);
}

TEST_CASE("real checklists: PSAP-02 always carries the status of QA-10", "[check][engine][real]") {
  const auto report = realPrecheck().run(
      AgencyKind::Psap,
      {mkrp::check::testing::file(
          "sop.docx", {"Telecommunicators shall complete the NCMEC courses within their first "
                       "year of employment."})});
  CHECK(report.findFinding("PSAP-02")->status == report.findFinding("QA-10")->status);
}
