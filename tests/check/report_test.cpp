// The core vocabulary of checklists and reports: stable names and summary counts.
#include "core/report.h"

#include <Poco/Exception.h>

#include <catch2/catch.hpp>

#include "core/checklist.h"

namespace {

using mkrp::core::Finding;
using mkrp::core::Severity;
using mkrp::core::Status;

Finding finding(const char* item, Status status, Severity severity) {
  Finding result;
  result.itemId = item;
  result.status = status;
  result.severity = severity;
  return result;
}

}  // namespace

TEST_CASE("status names round-trip through their strings", "[check][report]") {
  const std::pair<Status, const char*> names[] = {
      {Status::Met, "met"},
      {Status::Partial, "partial"},
      {Status::Missing, "missing"},
      {Status::Contradicted, "contradicted"},
      {Status::NotApplicable, "not_applicable"},
      {Status::CouldNotCheck, "could_not_check"},
  };
  for (const auto& [status, name] : names) {
    CHECK(mkrp::core::toString(status) == name);
    CHECK(mkrp::core::statusFromString(name) == status);
  }
}

TEST_CASE("an unknown status name is rejected with the name", "[check][report]") {
  REQUIRE_THROWS_AS(mkrp::core::statusFromString("done"), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(mkrp::core::statusFromString("done"), "unknown status 'done'");
}

TEST_CASE("agency kinds, severities and evidence roles round-trip", "[check][report]") {
  using mkrp::core::AgencyKind;
  using mkrp::core::EvidenceRole;
  CHECK(mkrp::core::agencyKindFromString("le") == AgencyKind::LawEnforcement);
  CHECK(mkrp::core::agencyKindFromString("psap") == AgencyKind::Psap);
  CHECK(mkrp::core::toString(AgencyKind::Psap) == "psap");
  CHECK(mkrp::core::severityFromString("recommended") == Severity::Recommended);
  CHECK(mkrp::core::toString(Severity::Critical) == "critical");
  CHECK(mkrp::core::evidenceRoleFromString("contradicts") == EvidenceRole::Contradicts);
  CHECK(mkrp::core::toString(EvidenceRole::Meets) == "meets");
  REQUIRE_THROWS_WITH(mkrp::core::agencyKindFromString("fire"), "unknown agency kind 'fire'");
  REQUIRE_THROWS_WITH(mkrp::core::severityFromString("urgent"), "unknown severity 'urgent'");
}

TEST_CASE("a report summary counts findings by status", "[check][report]") {
  mkrp::core::Report report;
  report.findings = {
      finding("LE-01", Status::Met, Severity::Critical),
      finding("LE-02", Status::Partial, Severity::Recommended),
      finding("LE-03", Status::Contradicted, Severity::Critical),
      finding("LE-04", Status::Met, Severity::Critical),
      finding("LE-05", Status::CouldNotCheck, Severity::Critical),
  };
  const mkrp::core::StatusCounts all = report.summary();
  CHECK(all.met == 2);
  CHECK(all.partial == 1);
  CHECK(all.contradicted == 1);
  CHECK(all.couldNotCheck == 1);
  CHECK(all.missing == 0);
  CHECK(all.total() == 5);
  CHECK(all.of(Status::Met) == 2);
}

TEST_CASE("a report summary can count only one severity", "[check][report]") {
  mkrp::core::Report report;
  report.findings = {
      finding("LE-01", Status::Missing, Severity::Critical),
      finding("LE-02", Status::Missing, Severity::Recommended),
      finding("LE-03", Status::Met, Severity::Recommended),
  };
  const mkrp::core::StatusCounts critical = report.summary(Severity::Critical);
  CHECK(critical.missing == 1);
  CHECK(critical.total() == 1);
  CHECK(report.summary(Severity::Recommended).total() == 2);
}

TEST_CASE("a report finds the finding of an item", "[check][report]") {
  mkrp::core::Report report;
  report.findings = {finding("QA-03", Status::Partial, Severity::Critical)};
  REQUIRE(report.findFinding("QA-03") != nullptr);
  CHECK(report.findFinding("QA-03")->status == Status::Partial);
  CHECK(report.findFinding("QA-04") == nullptr);
}

TEST_CASE("durations convert to minutes with 30-day months", "[check][report]") {
  using mkrp::core::Duration;
  using mkrp::core::TimeUnit;
  CHECK(Duration{2, TimeUnit::Hours}.inMinutes() == 120);
  CHECK(Duration{30, TimeUnit::Days}.inMinutes() == 30 * 24 * 60);
  CHECK(Duration{1, TimeUnit::Months}.inMinutes() == 30 * 24 * 60);
  CHECK(Duration{1, TimeUnit::Weeks}.inMinutes() == 7 * 24 * 60);
  CHECK(Duration{90, TimeUnit::Minutes}.inMinutes() == 90);
}
