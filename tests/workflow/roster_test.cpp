// The training roster of an application: upload, refusal with every problem, its items beside
// the directive items, renewal, decisions and access.
#include "check/roster/roster.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "core/errors.h"
#include "workflow/errors.h"
#include "workflow/roster_items.h"
#include "workflow/rules.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using store::ApplicationType;
using store::Decision;
using testing::fakePdf;

// The fake clock starts on 2023-11-14; every date below is before it.
constexpr std::string_view kGoodRoster =
    "name,position,assigned,MECINTRO,MECPAT,MECSUP,MECCID,MECCOM,CEOMEC\n"
    "Dana Chief,Chief of Police,2015-01-05,,,,,,2016-03-01\n"
    "Officer Complete,Officer,2020-02-01,2020-03-01,2020-03-02,,,,\n"
    "Officer Partway,Officer,2021-05-01,2021-06-01,,,,,\n";

constexpr std::string_view kBadRoster =
    "name,position,assigned,MECINTRO,MECPAT\n"
    "Ann Able,janitor,,2020-01-01,\n"
    "Bob Baker,officer,2021-02-30,,\n"
    "Ann Able,officer,,,\n";

struct Rosters : testing::TwoAgencies {
  // The items of the pre-check the actor sees, by id.
  std::map<std::string, Poco::JSON::Object::Ptr> items(const Actor& actor, store::Id id) {
    const ApplicationView view = applications.view(actor, id);
    REQUIRE(view.precheckJson);
    const auto report =
        Poco::JSON::Parser().parse(*view.precheckJson).extract<Poco::JSON::Object::Ptr>();
    std::map<std::string, Poco::JSON::Object::Ptr> byId;
    const Poco::JSON::Array::Ptr list = report->getArray("items");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Poco::JSON::Object::Ptr item = list->getObject(static_cast<unsigned>(i));
      byId[item->getValue<std::string>("id")] = item;
    }
    return byId;
  }
};

std::string status(const Poco::JSON::Object::Ptr& item) {
  return item->getValue<std::string>("status");
}

// The "row" of each evidence object of an item.
std::vector<int> evidenceRows(const Poco::JSON::Object::Ptr& item) {
  std::vector<int> rows;
  const Poco::JSON::Array::Ptr evidence = item->getArray("evidence");
  for (std::size_t i = 0; i < evidence->size(); ++i) {
    rows.push_back(evidence->getObject(static_cast<unsigned>(i))->getValue<int>("row"));
  }
  return rows;
}

TEST_CASE("a good roster is stored for the next submission", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  const store::RosterRecord stored =
      f.applications.uploadRoster(f.staff, draft.id, "C:\\hr\\roster.csv", kGoodRoster);
  CHECK(stored.filename == "roster.csv");
  CHECK(stored.round == 1);
  CHECK(stored.uploadedAt == f.clock.now());
  CHECK(f.blobs.get(stored.blobSha256) == kGoodRoster);
  const ApplicationView view = f.applications.view(f.staff, draft.id);
  REQUIRE(view.roster);
  CHECK(view.roster->filename == "roster.csv");
  CHECK(f.applications.roster(f.staff, draft.id).bytes == kGoodRoster);
  CHECK(f.auditActions(draft.id).back() == "roster.uploaded");
}

TEST_CASE("a bad roster is refused with every problem and nothing is stored",
          "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  std::vector<RosterFileProblem> problems;
  try {
    f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kBadRoster);
    FAIL("the roster was accepted");
  } catch (const RosterRejectedException& error) {
    problems = error.problems();
    CHECK_THAT(error.message(), Catch::StartsWith("The training roster was not stored: it has 3 "
                                                  "problems. Correct every row listed and upload "
                                                  "it again. First: row 2, column position: "
                                                  "unknown role 'janitor'"));
  }
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].row == 2);
  CHECK(problems[0].column == "position");
  CHECK_THAT(problems[0].message, Catch::StartsWith("unknown role 'janitor'"));
  CHECK(problems[1].row == 3);
  CHECK(problems[1].column == "assigned");
  CHECK_THAT(problems[1].message, Catch::StartsWith("bad date '2021-02-30'"));
  CHECK(problems[2].row == 4);
  CHECK(problems[2].column == "name");
  CHECK_THAT(problems[2].message, Catch::StartsWith("duplicate person: 'Ann Able'"));
  CHECK_FALSE(f.store.rosters().find(draft.id, 1));
  CHECK(f.auditActions(draft.id) == std::vector<std::string>{"application.created"});
}

TEST_CASE("a new roster replaces the one uploaded before", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.uploadRoster(f.staff, draft.id, "old.csv", kGoodRoster);
  const std::string newer = std::string(kGoodRoster) + "Officer Late,Officer,,,,,,,\n";
  f.applications.uploadRoster(f.staff, draft.id, "new.csv", newer);
  CHECK(f.applications.view(f.staff, draft.id).roster->filename == "new.csv");
  CHECK(f.applications.roster(f.staff, draft.id).bytes == newer);
}

TEST_CASE("without a roster the training items are missing and ask for it", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  const auto items = f.items(f.staff, draft.id);
  for (const char* id : {"TRN-LE-01", "TRN-LE-02", "TRN-LE-03", "TRN-LE-04"}) {
    INFO(id);
    REQUIRE(items.count(id) == 1);
    CHECK(status(items.at(id)) == "missing");
    CHECK_THAT(items.at(id)->getValue<std::string>("reason"),
               Catch::StartsWith("No training roster has been uploaded."));
    CHECK(items.at(id)->getArray("evidence")->size() == 0);
  }
  CHECK(items.count("TRN-REN-LE-01") == 0);
  CHECK(items.count("LE-01") == 1);
}

TEST_CASE("the roster's findings join the pre-check with rows as evidence", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kGoodRoster);
  const auto items = f.items(f.staff, draft.id);
  const Poco::JSON::Object::Ptr officers = items.at("TRN-LE-01");
  CHECK(status(officers) == "missing");
  CHECK(officers->getValue<std::string>("title") ==
        "Training: sworn officers have completed MECINTRO and MECPAT");
  CHECK(evidenceRows(officers) == std::vector<int>{4});
  const Poco::JSON::Object::Ptr row = officers->getArray("evidence")->getObject(0);
  CHECK(row->getValue<int>("document") == -1);
  CHECK(row->getValue<std::string>("file") == "roster.csv");
  CHECK(row->getValue<std::string>("label") == "row 4");
  CHECK(row->getValue<std::string>("role") == "contradicts");
  CHECK_THAT(row->getValue<std::string>("text"), Catch::Contains("Officer Partway"));
  CHECK(status(items.at("TRN-LE-04")) == "met");
  CHECK(status(items.at("TRN-LE-02")) == "not_applicable");
}

TEST_CASE("the summary counts the training items", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  const ApplicationView view = f.applications.view(f.staff, draft.id);
  const std::string directives = f.store.documents().results(view.documents.at(0).id)->findingsJson;
  const auto summaryOf = [](const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>()->getObject(
        "summary");
  };
  CHECK(summaryOf(*view.precheckJson)->getValue<int>("missing") ==
        summaryOf(directives)->getValue<int>("missing") + 4);
  CHECK(summaryOf(*view.precheckJson)->getValue<int>("met") ==
        summaryOf(directives)->getValue<int>("met"));
}

TEST_CASE("a renewal checks only people assigned since the membership began",
          "[workflow][roster]") {
  Rosters f;
  const store::Application initial = f.submitted(f.staff);
  f.applications.claim(f.reviewer, initial.id);
  f.applications.decide(f.reviewer, initial.id, FinalDecision::Approve, "Welcome.");
  const store::TimePoint joined = f.store.memberships().activeForAgency(f.harlow.id)->startedAt;
  CHECK(detail::dayOf(joined) == check::roster::parseDate("2023-11-14"));
  f.clock.advance(std::chrono::hours(24 * 400));  // 2024-12-18
  const store::Application renewal = f.applications.create(f.staff, ApplicationType::Renewal);
  f.applications.upload(f.staff, renewal.id, "directive.pdf", fakePdf("Policy text."));
  f.runJobs();
  f.applications.uploadRoster(f.staff, renewal.id, "roster.csv",
                              "name,position,assigned,MECINTRO,MECPAT,CEOMEC\n"
                              "Dana Chief,Sheriff,2015-01-05,,,2020-03-01\n"
                              "Old Hand,Deputy,2010-06-01,,,\n"
                              "New Hire,Deputy,2024-06-01,2024-07-01,,\n");
  const auto items = f.items(f.staff, renewal.id);
  CHECK(items.count("TRN-LE-01") == 0);
  CHECK(status(items.at("TRN-REN-LE-01")) == "met");
  const Poco::JSON::Object::Ptr since = items.at("TRN-REN-LE-02");
  CHECK(status(since) == "missing");
  CHECK(evidenceRows(since) == std::vector<int>{4});
}

TEST_CASE("the renewal date is the start of the agency's membership", "[workflow][roster]") {
  using store::MembershipStatus;
  const store::TimePoint start{std::chrono::milliseconds(1'600'000'000'000)};  // 2020-09-13
  const store::Membership membership{
      1, 1, 1, start, start + std::chrono::hours(24 * 365 * 5), MembershipStatus::Active};
  CHECK_FALSE(detail::renewalSinceFor(ApplicationType::Initial, membership));
  CHECK(detail::renewalSinceFor(ApplicationType::Renewal, membership) ==
        check::roster::parseDate("2020-09-13"));
  store::Membership withdrawn = membership;
  withdrawn.status = MembershipStatus::Withdrawn;
  CHECK(detail::renewalSinceFor(ApplicationType::Renewal, withdrawn) ==
        check::roster::parseDate("1900-01-01"));
  CHECK(detail::renewalSinceFor(ApplicationType::Renewal, std::nullopt) ==
        check::roster::parseDate("1900-01-01"));
}

TEST_CASE("a reviewer decides a training item like any other", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kGoodRoster);
  f.applications.submit(f.staff, draft.id);
  f.applications.claim(f.reviewer, draft.id);
  const store::ItemDecision decision = f.applications.decideItem(
      f.reviewer, draft.id, "TRN-LE-01", Decision::Deficient, "Row 4 lacks MECPAT.");
  CHECK(decision.itemId == "TRN-LE-01");
  CHECK(decision.overriddenStatus.empty());
  const store::ItemDecision accepted =
      f.applications.decideItem(f.reviewer, draft.id, "TRN-LE-04", Decision::Accepted, "");
  CHECK(accepted.overriddenStatus.empty());
  CHECK(f.applications.roster(f.reviewer, draft.id).bytes == kGoodRoster);
}

TEST_CASE("a submission without a roster goes ahead with the training items missing",
          "[workflow][roster]") {
  Rosters f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  CHECK(status(f.items(f.reviewer, submitted.id).at("TRN-LE-01")) == "missing");
  const store::ItemDecision decision =
      f.applications.decideItem(f.reviewer, submitted.id, "TRN-LE-01", Decision::Accepted, "");
  CHECK(decision.overriddenStatus == "missing");
}

TEST_CASE("staff of another agency find no roster to change or read", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kGoodRoster);
  const std::string notFound = "There is no application " + std::to_string(draft.id) + ".";
  REQUIRE_THROWS_AS(f.applications.uploadRoster(f.otherStaff, draft.id, "r.csv", kGoodRoster),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(f.applications.uploadRoster(f.otherStaff, draft.id, "r.csv", kGoodRoster),
                      notFound);
  REQUIRE_THROWS_WITH(f.applications.roster(f.otherStaff, draft.id), notFound);
  REQUIRE_THROWS_WITH(f.applications.removeRoster(f.otherStaff, draft.id), notFound);
  CHECK(f.applications.view(f.staff, draft.id).roster->filename == "roster.csv");
}

TEST_CASE("removing the roster makes the training items missing again", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kGoodRoster);
  f.applications.removeRoster(f.staff, draft.id);
  CHECK_FALSE(f.applications.view(f.staff, draft.id).roster);
  CHECK(status(f.items(f.staff, draft.id).at("TRN-LE-04")) == "missing");
  CHECK(f.auditActions(draft.id).back() == "roster.removed");
  REQUIRE_THROWS_AS(f.applications.removeRoster(f.staff, draft.id), core::NotFoundException);
  REQUIRE_THROWS_WITH(
      f.applications.removeRoster(f.staff, draft.id),
      "Application " + std::to_string(draft.id) + " has no training roster to remove.");
}

TEST_CASE("a submitted roster cannot be changed", "[workflow][roster]") {
  Rosters f;
  const store::Application submitted = f.submitted(f.staff);
  REQUIRE_THROWS_AS(f.applications.uploadRoster(f.staff, submitted.id, "r.csv", kGoodRoster),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(f.applications.uploadRoster(f.staff, submitted.id, "r.csv", kGoodRoster),
                      "Application " + std::to_string(submitted.id) +
                          " is submitted. Its training roster can be changed only while it is a "
                          "draft or after it has been returned.");
}

TEST_CASE("a returned application keeps its roster for the next round", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.checkedDraft(f.staff);
  f.applications.uploadRoster(f.staff, draft.id, "roster.csv", kGoodRoster);
  f.applications.submit(f.staff, draft.id);
  f.applications.claim(f.reviewer, draft.id);
  f.applications.decideItem(f.reviewer, draft.id, "TRN-LE-01", Decision::Deficient,
                            "Row 4 lacks MECPAT.");
  f.applications.decide(f.reviewer, draft.id, FinalDecision::Return, "Train row 4.");
  const ApplicationView view = f.applications.view(f.staff, draft.id);
  CHECK(view.documentsRound == 2);
  REQUIRE(view.roster);
  CHECK(view.roster->round == 2);
  CHECK(f.applications.roster(f.staff, draft.id).bytes == kGoodRoster);
}

TEST_CASE("a roster larger than the limit is refused", "[workflow][roster]") {
  Rosters f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  const std::string huge(3u << 20, 'x');
  REQUIRE_THROWS_AS(f.applications.uploadRoster(f.staff, draft.id, "r.csv", huge),
                    core::LimitExceededException);
  REQUIRE_THROWS_WITH(f.applications.uploadRoster(f.staff, draft.id, "r.csv", huge),
                      "The training roster is larger than the 2048 KiB allowed. Upload the "
                      "roster as a CSV file with one row per person.");
}

TEST_CASE("a stored roster that no longer reads makes the training items could-not-check",
          "[workflow][roster]") {
  check::roster::CheckOptions options;
  options.today = *check::roster::parseDate("2023-11-14");
  options.file = "roster.csv";
  const std::vector<core::Finding> findings =
      detail::trainingFindings(std::string("name,position,assigned\nAnn,janitor,\n"), options);
  REQUIRE(findings.size() == 4);
  for (const core::Finding& finding : findings) {
    CHECK(finding.status == core::Status::CouldNotCheck);
    CHECK_THAT(finding.reason,
               Catch::StartsWith("The training roster 'roster.csv' could not be read on the day "
                                 "this round is checked: row 2, column position: unknown role"));
  }
}

TEST_CASE("training items join a report that has no items yet", "[workflow][roster]") {
  check::roster::CheckOptions options;
  options.kind = core::AgencyKind::Psap;
  options.today = *check::roster::parseDate("2023-11-14");
  const std::string report =
      detail::withTrainingItems(R"({"kind":"psap","checklists":[],"items":[],"summary":{"met":0}})",
                                detail::trainingFindings(std::nullopt, options));
  const auto outcomes = detail::itemOutcomes(report);
  CHECK(outcomes.size() == 3);
  CHECK(outcomes.at("TRN-PSAP-03").status == "missing");
  const auto summary =
      Poco::JSON::Parser().parse(report).extract<Poco::JSON::Object::Ptr>()->getObject("summary");
  CHECK(summary->getValue<int>("missing") == 3);
  CHECK(summary->getValue<int>("met") == 0);
}

TEST_CASE("the roster template's example rows pass the parser", "[workflow][roster]") {
  const auto today = check::roster::parseDate("2023-11-14");
  for (const auto kind : {store::AgencyKind::LawEnforcement, store::AgencyKind::Psap}) {
    const std::string csv = rosterTemplate(kind);
    const check::roster::ParseResult parsed =
        check::roster::parseRoster(csv, toCoreKind(kind), *today);
    INFO(csv);
    CHECK(parsed.problems.empty());
    CHECK(parsed.roster.people.size() == 3);
  }
  for (const auto kind : {store::AgencyKind::LawEnforcement, store::AgencyKind::Psap}) {
    CHECK_THAT(rosterTemplate(kind),
               Catch::StartsWith("name,position,assigned,MECINTRO,MECPAT,MECSUP,MECCID,MECCOM,"
                                 "MECTEL,MECSET,MECEXEC,CEOMEC\r\n"));
  }
}

}  // namespace
}  // namespace mkrp::workflow
