// Statuses decided beyond one text rule: derived and same-as items, agency kinds, several files,
// and text that could not be read (reference/statuses.md).
#include <catch2/catch.hpp>
#include <thread>

#include "check/precheck.h"
#include "engine_test_support.h"

using namespace mkrp::check::testing;
using mkrp::core::AgencyKind;
using mkrp::core::Status;

namespace {

mkrp::core::Item derivedItem(std::string id, std::vector<std::string> from, std::string required) {
  mkrp::core::Item item;
  item.id = std::move(id);
  item.rule = mkrp::core::DerivedRule{std::move(from), std::move(required)};
  return item;
}

mkrp::core::Item sameAsItem(std::string id, std::string other) {
  mkrp::core::Item item;
  item.id = std::move(id);
  item.rule = mkrp::core::SameAsRule{std::move(other)};
  return item;
}

// Q-1 (the provision), Q-2 and Q-3 (its elements), P-4 derived from them, P-5 same as Q-3.
mkrp::core::ChecklistSet qaSet() {
  return checklistSet({evidenceItem("Q-1", {pattern("provision", {phrase("quality assurance")})}),
                       evidenceItem("Q-2", {pattern("reviewed", {phrase("review every call")})}),
                       evidenceItem("Q-3", {pattern("interval", {phrase("within ten days")})}, {},
                                    {pattern("as time permits", {phrase("as time permits")})}),
                       derivedItem("P-4", {"Q-2", "Q-3"}, "Q-1"), sameAsItem("P-5", "Q-3")},
                      AgencyKind::Psap);
}

Status statusIn(const std::vector<std::string>& blocks, const std::string& item) {
  return checkOne(qaSet(), item, blocks, AgencyKind::Psap).status;
}

}  // namespace

TEST_CASE("a derived item is met when every element is met", "[check][engine][status]") {
  CHECK(statusIn({"Quality assurance: supervisors review every call within ten days."}, "P-4") ==
        Status::Met);
}

TEST_CASE("a derived item is partial when the provision exists but an element is missing",
          "[check][engine][status]") {
  CHECK(statusIn({"Quality assurance: supervisors review every call."}, "P-4") == Status::Partial);
}

TEST_CASE("a derived item is missing without its required item", "[check][engine][status]") {
  CHECK(statusIn({"Supervisors review every call within ten days."}, "P-4") == Status::Missing);
}

TEST_CASE("a derived item is contradicted when an element is", "[check][engine][status]") {
  const auto finding = checkOne(
      qaSet(), "P-4", {"Quality assurance: review every call as time permits."}, AgencyKind::Psap);
  CHECK(finding.status == Status::Contradicted);
  CHECK_THAT(finding.reason, Catch::Contains("Q-3 contradicted"));
  CHECK_FALSE(finding.evidence.empty());
}

TEST_CASE("a same-as item carries the other item's status and evidence",
          "[check][engine][status]") {
  const auto report = mkrp::check::precheck(
      qaSet(), AgencyKind::Psap,
      {file("qa.docx", {"Quality assurance: review every call as time permits."})});
  CHECK(report.findFinding("P-5")->status == Status::Contradicted);
  CHECK(report.findFinding("P-5")->evidence == report.findFinding("Q-3")->evidence);
}

TEST_CASE("items of another agency kind are not applicable", "[check][engine][status]") {
  const auto report = mkrp::check::precheck(qaSet(), AgencyKind::LawEnforcement,
                                            {file("go.docx", {"Quality assurance."})});
  for (const auto& finding : report.findings) CHECK(finding.status == Status::NotApplicable);
  CHECK(report.checklists.empty());
}

TEST_CASE("an item met in any file of the submission is met", "[check][engine][status]") {
  const auto report = mkrp::check::precheck(
      qaSet(), AgencyKind::Psap,
      {file("sop.docx", {"Call-takers answer calls."}),
       file("qa.docx", {"Quality assurance: review every call within ten days."})});
  const auto* finding = report.findFinding("Q-3");
  CHECK(finding->status == Status::Met);
  CHECK(finding->evidence.at(0).document == 1);
  CHECK(finding->evidence.at(0).file == "qa.docx");
  CHECK_THAT(finding->reason, Catch::Contains("qa.docx"));
}

TEST_CASE("a submission with no text cannot be checked, never missing", "[check][engine][status]") {
  mkrp::core::Document scanned;
  scanned.format = mkrp::core::Format::Pdf;
  scanned.warnings.push_back("page 1 has no text: it looks scanned");
  const auto report = mkrp::check::precheck(qaSet(), AgencyKind::Psap, {{"scan.pdf", scanned}});
  for (const auto& finding : report.findings) {
    CHECK(finding.status == Status::CouldNotCheck);
    CHECK_THAT(finding.reason, Catch::Contains("scan.pdf"));
  }
}

TEST_CASE("an unreadable page turns missing into could not check, and met stays met",
          "[check][engine][status]") {
  auto doc = document({"Quality assurance: review every call within ten days."});
  doc.format = mkrp::core::Format::Pdf;
  doc.warnings.push_back("page 2 has no text: it looks scanned");
  const auto report = mkrp::check::precheck(
      checklistSet({evidenceItem("Q-1", {pattern("provision", {phrase("quality assurance")})}),
                    evidenceItem("Q-9", {pattern("training", {phrase("training")})})},
                   AgencyKind::Psap),
      AgencyKind::Psap, {{"qa.pdf", doc}});
  CHECK(report.findFinding("Q-1")->status == Status::Met);
  CHECK(report.findFinding("Q-9")->status == Status::CouldNotCheck);
  CHECK_THAT(report.findFinding("Q-9")->reason, Catch::Contains("qa.pdf: page 2 has no text"));
}

TEST_CASE("one empty file among readable ones turns missing into could not check",
          "[check][engine][status]") {
  const auto report = mkrp::check::precheck(
      qaSet(), AgencyKind::Psap,
      {file("sop.docx", {"Quality assurance applies."}), {"scan.docx", mkrp::core::Document{}}});
  CHECK(report.findFinding("Q-1")->status == Status::Met);
  CHECK(report.findFinding("Q-2")->status == Status::CouldNotCheck);
  CHECK_THAT(report.findFinding("Q-2")->reason, Catch::Contains("scan.docx has no text"));
}

TEST_CASE("the same checklists and documents always give the same report",
          "[check][engine][status]") {
  const mkrp::check::Precheck precheck(qaSet());
  const std::vector<mkrp::core::SubmittedFile> files = {
      file("qa.docx", {"Quality assurance: review every call as time permits."})};
  CHECK(precheck.run(AgencyKind::Psap, files) == precheck.run(AgencyKind::Psap, files));
}

TEST_CASE("one Precheck runs on several threads at once", "[check][engine][status]") {
  const mkrp::check::Precheck precheck(qaSet());
  const std::vector<mkrp::core::SubmittedFile> files = {
      file("qa.docx", {"Quality assurance: review every call within ten days."})};
  const auto expected = precheck.run(AgencyKind::Psap, files);
  std::vector<mkrp::core::Report> reports(4);
  std::vector<std::thread> threads;
  for (auto& report : reports) {
    threads.emplace_back([&] { report = precheck.run(AgencyKind::Psap, files); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& report : reports) CHECK(report == expected);
}
