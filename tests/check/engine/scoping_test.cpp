// Section scope, page furniture, and where evidence points.
#include <catch2/catch.hpp>

#include "check/precheck.h"
#include "engine_test_support.h"

using namespace mkrp::check::testing;
using mkrp::core::Status;

namespace {

mkrp::core::ChecklistSet inSection() {
  return checklistSet({evidenceItem(
      "X-1", {pattern("NCIC and a two-hour limit in one section",
                      {allWithin("section", {phrase("NCIC"), phrase("two hours")})})})});
}

}  // namespace

TEST_CASE("section scope finds parts under one heading", "[check][engine][scope]") {
  CHECK(
      checkOne(inSection(), "X-1", {"## 4.2 Records", "Enter NCIC.", "Within two hours."}).status ==
      Status::Met);
}

TEST_CASE("section scope holds a part in a subsection of the other part's section",
          "[check][engine][scope]") {
  CHECK(checkOne(inSection(), "X-1",
                 {"## 4.2 Records", "Enter NCIC.", "### 4.2.1 Time limits", "Within two hours."})
            .status == Status::Met);
}

TEST_CASE("section scope does not join sibling sections", "[check][engine][scope]") {
  CHECK(checkOne(
            inSection(), "X-1",
            {"# Policy 332", "## 4.1 Records", "Enter NCIC.", "## 4.2 Times", "Within two hours."})
            .status == Status::Missing);
}

TEST_CASE("a document without headings is one section", "[check][engine][scope]") {
  CHECK(checkOne(inSection(), "X-1", {"Enter NCIC.", "Within two hours."}).status == Status::Met);
}

TEST_CASE("a running header or footer never meets an item", "[check][engine][scope]") {
  const auto set =
      checklistSet({evidenceItem("X-1", {pattern("found", {phrase("missing children")})})});
  CHECK(checkOne(set, "X-1", {"[header] Missing Children Policy", "Officers respond."}).status ==
        Status::Missing);
  CHECK(checkOne(set, "X-1", {"[footer] Missing children - page 2", "Officers respond."}).status ==
        Status::Missing);
}

TEST_CASE("a footnote counts like running text", "[check][engine][scope]") {
  const auto set =
      checklistSet({evidenceItem("X-1", {pattern("found", {phrase("missing children")})})});
  CHECK(checkOne(set, "X-1", {"Officers respond.", "[footnote] This applies to missing children."})
            .status == Status::Met);
}

TEST_CASE("evidence offsets point at the exact text of the block", "[check][engine][scope]") {
  const auto set = checklistSet({evidenceItem(
      "X-1",
      {pattern("entered", {allWithin("sentence", {phrase("NCIC"), phrase("two hours")})})})});
  const std::vector<std::string> blocks = {
      "## 4.2 Records",
      "“Quoted” text first. Officers enter the child into NCIC – within two hours."};
  const auto finding = checkOne(set, "X-1", blocks);
  REQUIRE(finding.status == Status::Met);
  REQUIRE(finding.evidence.size() == 1);
  const auto& span = finding.evidence.front();
  CHECK(span.block == 1);
  CHECK(span.label == "4.2");
  CHECK(span.file == "directive.docx");
  CHECK(span.text == "NCIC – within two hours");
  CHECK(blocks[1].substr(span.start, span.end - span.start) == span.text);
}

TEST_CASE("evidence names the page of a PDF block and the list label under its heading",
          "[check][engine][scope]") {
  const auto set = checklistSet({evidenceItem("X-1", {pattern("found", {phrase("NCMEC")})})});
  auto doc = document({"## 4.2 Notifications", "(b) Notify NCMEC."});
  doc.format = mkrp::core::Format::Pdf;
  doc.blocks[1].source.page = 3;
  const auto report =
      mkrp::check::precheck(set, mkrp::core::AgencyKind::LawEnforcement, {{"go.pdf", doc}});
  const auto& span = report.findFinding("X-1")->evidence.at(0);
  CHECK(span.page == 3);
  CHECK(span.label == "4.2 (b)");
  CHECK_THAT(report.findFinding("X-1")->reason, Catch::Contains("in 4.2 (b) (page 3)"));
}

// Regression: 03 LE-29 was partial because a hedged sentence ("body-worn video should be
// activated") was chosen as a list member's evidence although the section also said it plainly.
TEST_CASE("a section match rests on unhedged passages when the section has them",
          "[check][engine][scope]") {
  const auto set = checklistSet({evidenceItem(
      "X-1", {pattern("entry and photograph",
                      {allWithin("section", {phrase("NCIC"), phrase("photograph")})})})});
  CHECK(checkOne(set, "X-1",
                 {"## 4.2 Records", "Officers shall enter NCIC.",
                  "Officers should take a photograph.", "Officers shall obtain a photograph."})
            .status == Status::Met);
  CHECK(checkOne(
            set, "X-1",
            {"## 4.2 Records", "Officers shall enter NCIC.", "Officers should take a photograph."})
            .status == Status::Partial);
}
