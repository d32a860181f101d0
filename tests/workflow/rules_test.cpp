#include "workflow/rules.h"

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using detail::displayFilename;
using detail::overriddenStatus;
using detail::uploadFormat;

TEST_CASE("a file name keeps only its last path component", "[workflow]") {
  CHECK(displayFilename("C:\\Users\\chief\\Policy 41.pdf") == "Policy 41.pdf");
  CHECK(displayFilename("../../etc/passwd") == "passwd");
  CHECK(displayFilename("/var/lib/mkrp/mkrp.db") == "mkrp.db");
}

TEST_CASE("a file name loses control characters and surrounding spaces", "[workflow]") {
  CHECK(displayFilename("  a\nb\tc\x7f.pdf  ") == "abc.pdf");
}

TEST_CASE("an empty or dot file name becomes 'document'", "[workflow]") {
  CHECK(displayFilename("") == "document");
  CHECK(displayFilename("dir/") == "document");
  CHECK(displayFilename("..") == "document");
}

TEST_CASE("a long file name is cut at a character boundary", "[workflow]") {
  std::string name(254, 'a');
  name += "\xc3\xa9\xc3\xa9";  // two 2-byte characters straddling the 255-byte limit
  const std::string shown = displayFilename(name);
  CHECK(shown.size() == 254);
}

TEST_CASE("the upload format comes from the bytes, not the name", "[workflow]") {
  CHECK(uploadFormat(testing::realPdf({"x"})) == "pdf");
  CHECK(uploadFormat(std::string("PK\x03\x04", 4) + std::string(100, '\0')) == "docx");
  std::string odt = std::string("PK\x03\x04", 4) + std::string(26, '\0');
  odt += "mimetypeapplication/vnd.oasis.opendocument.text";
  CHECK(uploadFormat(odt) == "odt");
}

TEST_CASE("an image is refused with what it is and what to upload", "[workflow]") {
  REQUIRE_THROWS_AS(uploadFormat(testing::pngBytes()), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(uploadFormat(testing::pngBytes()),
                      "This file is an image. Upload the directive as a PDF, a Word document "
                      "(.docx) or an OpenDocument text (.odt).");
}

TEST_CASE("an empty upload is refused", "[workflow]") {
  REQUIRE_THROWS_AS(uploadFormat(""), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(uploadFormat(""), Catch::Contains("an empty file"));
}

TEST_CASE("a decision against the pre-check records the pre-check's status", "[workflow]") {
  CHECK(overriddenStatus(store::Decision::Accepted, "missing") == "missing");
  CHECK(overriddenStatus(store::Decision::Accepted, "contradicted") == "contradicted");
  CHECK(overriddenStatus(store::Decision::Accepted, "partial") == "partial");
  CHECK(overriddenStatus(store::Decision::Deficient, "met") == "met");
  CHECK(overriddenStatus(store::Decision::Deficient, "not_applicable") == "not_applicable");
}

TEST_CASE("a decision agreeing with the pre-check records no override", "[workflow]") {
  CHECK(overriddenStatus(store::Decision::Accepted, "met").empty());
  CHECK(overriddenStatus(store::Decision::Accepted, "not_applicable").empty());
  CHECK(overriddenStatus(store::Decision::Deficient, "missing").empty());
  CHECK(overriddenStatus(store::Decision::Deficient, "could_not_check").empty());
}

TEST_CASE("five years from 29 February end on 28 February", "[workflow]") {
  using namespace std::chrono;
  const store::TimePoint leapDay = sys_days(2024y / February / 29) + hours(10);
  CHECK(detail::addYears(leapDay, 5) == sys_days(2029y / February / 28) + hours(10));
  CHECK(detail::addYears(sys_days(2024y / March / 1), 5) == sys_days(2029y / March / 1));
}

}  // namespace
}  // namespace mkrp::workflow

namespace mkrp::workflow {
namespace {

using detail::ItemOutcome;

TEST_CASE("items whose status or evidence changed between rounds are listed", "[workflow]") {
  const std::map<std::string, ItemOutcome> before = {
      {"LE-01", {"missing", ""}}, {"LE-02", {"met", "purpose\n"}}, {"LE-03", {"met", "a\n"}}};
  const std::map<std::string, ItemOutcome> after = {
      {"LE-01", {"met", "written\n"}}, {"LE-02", {"met", "purpose\n"}}, {"LE-03", {"met", "b\n"}}};
  const std::vector<ItemChange> changes = detail::changedItems(before, after);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].itemId == "LE-01");
  CHECK(changes[0].previousStatus == "missing");
  CHECK(changes[0].status == "met");
  CHECK(changes[1].itemId == "LE-03");
  CHECK(changes[1].previousStatus == changes[1].status);
  CHECK(changes[1].evidenceChanged);
}

TEST_CASE("an item added or dropped between rounds is a change", "[workflow]") {
  const std::vector<ItemChange> changes =
      detail::changedItems({{"LE-01", {"met", ""}}}, {{"LE-02", {"missing", ""}}});
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].status.empty());
  CHECK(changes[1].previousStatus.empty());
}

TEST_CASE("the outcomes of a report name each item's status and passages", "[workflow]") {
  const auto outcomes = detail::itemOutcomes(
      R"({"kind":"le","items":[{"id":"LE-01","status":"met","evidence":[{"text":"no waiting"},)"
      R"({"text":"period"}]},{"id":"LE-02","status":"missing","evidence":[]}]})");
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes.at("LE-01") == ItemOutcome{"met", "no waiting\nperiod\n"});
  CHECK(outcomes.at("LE-02") == ItemOutcome{"missing", ""});
}

}  // namespace
}  // namespace mkrp::workflow
