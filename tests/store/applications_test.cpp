// Applications: lifecycle fields, the one-open rule, claims, the queue and item decisions.
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <thread>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using testing::at;
using testing::Fixture;

struct AppFixture : Fixture {
  AppFixture()
      : agency(store.agencies().add(
            {"Ash City Police", AgencyKind::LawEnforcement, "VA", "Ash", ""}, at(0))),
        alice(store.users().add({"alice@program.org", Role::Reviewer, std::nullopt, "h"}, at(0))),
        bob(store.users().add({"bob@program.org", Role::Reviewer, std::nullopt, "h"}, at(0))) {}

  Application submitted(Id agencyId, int second) {
    const auto draft = store.applications().create(agencyId, ApplicationType::Initial, at(second));
    return store.applications().changeStatus(
        draft.id,
        {.from = ApplicationStatus::Draft, .to = ApplicationStatus::Submitted, .at = at(second)});
  }

  Agency agency;
  User alice;
  User bob;
};

TEST_CASE("a new application is a draft in round 1", "[store]") {
  AppFixture f;
  const auto app = f.store.applications().create(f.agency.id, ApplicationType::Renewal, at(5));
  CHECK(app.id > 0);
  CHECK(app.agencyId == f.agency.id);
  CHECK(app.type == ApplicationType::Renewal);
  CHECK(app.status == ApplicationStatus::Draft);
  CHECK(app.round == 1);
  CHECK(app.createdAt == at(5));
  CHECK(app.updatedAt == at(5));
  CHECK_FALSE(app.submittedAt.has_value());
  CHECK_FALSE(app.assigneeId.has_value());
  CHECK(f.store.applications().get(app.id).type == ApplicationType::Renewal);
}

TEST_CASE("an agency cannot open a second application while one is open", "[store]") {
  AppFixture f;
  const auto first = f.store.applications().create(f.agency.id, ApplicationType::Initial, at(0));
  REQUIRE_THROWS_AS(f.store.applications().create(f.agency.id, ApplicationType::Initial, at(1)),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(f.store.applications().create(f.agency.id, ApplicationType::Initial, at(1)),
                      "This agency has an open application already. Continue with that one, or "
                      "withdraw it before starting another.");
  f.store.applications().changeStatus(
      first.id,
      {.from = ApplicationStatus::Draft, .to = ApplicationStatus::Withdrawn, .at = at(2)});
  const auto second = f.store.applications().create(f.agency.id, ApplicationType::Initial, at(3));
  CHECK(f.store.applications().openForAgency(f.agency.id)->id == second.id);
  const auto all = f.store.applications().listForAgency(f.agency.id);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == second.id);
}

TEST_CASE("an application for an unknown agency is refused", "[store]") {
  AppFixture f;
  REQUIRE_THROWS_AS(f.store.applications().create(999, ApplicationType::Initial, at(0)),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(f.store.applications().create(999, ApplicationType::Initial, at(0)),
                      "There is no agency with id 999.");
}

TEST_CASE("status changes set the submission and decision times, the round and the message",
          "[store]") {
  AppFixture f;
  auto& apps = f.store.applications();
  const auto app = f.submitted(f.agency.id, 10);
  CHECK(app.status == ApplicationStatus::Submitted);
  CHECK(app.submittedAt == at(10));
  apps.claim(app.id, f.alice.id, at(11));
  apps.changeStatus(
      app.id,
      {.from = ApplicationStatus::Submitted, .to = ApplicationStatus::InReview, .at = at(12)});
  StatusChange giveBack{
      .from = ApplicationStatus::InReview, .to = ApplicationStatus::Returned, .at = at(20)};
  giveBack.releaseClaim = true;
  giveBack.reviewerMessage = "Section 4 lacks the NCIC entry time.";
  const auto returned = apps.changeStatus(app.id, giveBack);
  CHECK(returned.decidedAt == at(20));
  CHECK(returned.reviewerMessage == "Section 4 lacks the NCIC entry time.");
  CHECK_FALSE(returned.assigneeId.has_value());
  StatusChange again{
      .from = ApplicationStatus::Returned, .to = ApplicationStatus::Submitted, .at = at(30)};
  again.newRound = true;
  const auto resubmitted = apps.changeStatus(app.id, again);
  CHECK(resubmitted.round == 2);
  CHECK(resubmitted.submittedAt == at(30));
  CHECK(resubmitted.updatedAt == at(30));
  CHECK(resubmitted.reviewerMessage == "Section 4 lacks the NCIC entry time.");
}

TEST_CASE("a status change from a status the application has left is a conflict", "[store]") {
  AppFixture f;
  const auto app = f.submitted(f.agency.id, 0);
  const StatusChange stale{
      .from = ApplicationStatus::Draft, .to = ApplicationStatus::Submitted, .at = at(1)};
  REQUIRE_THROWS_AS(f.store.applications().changeStatus(app.id, stale), core::ConflictException);
  REQUIRE_THROWS_WITH(f.store.applications().changeStatus(app.id, stale),
                      "Application " + std::to_string(app.id) +
                          " has changed in the meantime: it is submitted now, not draft. Reload "
                          "the page to see the current state.");
  REQUIRE_THROWS_AS(f.store.applications().changeStatus(999, stale), core::NotFoundException);
  CHECK(f.store.applications().get(app.id).submittedAt == at(0));
}

TEST_CASE("a claimed application is the claimer's until released", "[store]") {
  AppFixture f;
  auto& apps = f.store.applications();
  const auto app = f.submitted(f.agency.id, 0);
  const auto claimed = apps.claim(app.id, f.alice.id, at(5));
  CHECK(claimed.assigneeId == f.alice.id);
  CHECK(claimed.claimedAt == at(5));
  CHECK(apps.claim(app.id, f.alice.id, at(6)).claimedAt == at(5));  // claiming again is harmless
  REQUIRE_THROWS_AS(apps.claim(app.id, f.bob.id, at(7)), core::ConflictException);
  REQUIRE_THROWS_WITH(apps.claim(app.id, f.bob.id, at(7)),
                      "Application " + std::to_string(app.id) +
                          " has been claimed by another reviewer. Pick another one from the "
                          "queue.");
  REQUIRE_THROWS_AS(apps.release(app.id, f.bob.id, at(8)), core::ConflictException);
  REQUIRE_THROWS_WITH(apps.release(app.id, f.bob.id, at(8)),
                      "Application " + std::to_string(app.id) +
                          " is not claimed by you, so there is nothing to release.");
  CHECK_FALSE(apps.release(app.id, f.alice.id, at(9)).assigneeId.has_value());
  CHECK(apps.claim(app.id, f.bob.id, at(10)).assigneeId == f.bob.id);
}

TEST_CASE("only submitted or in-review applications can be claimed", "[store]") {
  AppFixture f;
  const auto draft = f.store.applications().create(f.agency.id, ApplicationType::Initial, at(0));
  REQUIRE_THROWS_AS(f.store.applications().claim(draft.id, f.alice.id, at(1)),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(
      f.store.applications().claim(draft.id, f.alice.id, at(1)),
      "Application " + std::to_string(draft.id) + " is not waiting for review (it is draft).");
  REQUIRE_THROWS_AS(f.store.applications().claim(999, f.alice.id, at(1)), core::NotFoundException);
}

TEST_CASE("of two reviewers claiming one application at once, exactly one wins", "[store]") {
  AppFixture f;
  auto second = f.database->open();  // as a second instance of the service would
  for (int round = 0; round < 20; ++round) {
    const auto agency = f.store.agencies().add(
        {"Race " + std::to_string(round), AgencyKind::Psap, "MD", "", ""}, at(0));
    const auto app = f.submitted(agency.id, round);
    std::atomic<int> wins{0}, conflicts{0};
    auto attempt = [&](Store& store, Id reviewer) {
      try {
        store.applications().claim(app.id, reviewer, at(100));
        ++wins;
      } catch (const core::ConflictException&) {
        ++conflicts;
      }
    };
    std::thread a([&] { attempt(f.store, f.alice.id); });
    std::thread b([&] { attempt(*second, f.bob.id); });
    a.join();
    b.join();
    CHECK(wins == 1);
    CHECK(conflicts == 1);
  }
}

struct QueueFixture : AppFixture {
  // Five agencies submitting at different times, one draft that must not show.
  QueueFixture() {
    add("Delta PD", AgencyKind::LawEnforcement, "VA", ApplicationType::Initial, 40);
    add("Alpha 9-1-1", AgencyKind::Psap, "MD", ApplicationType::Initial, 10);
    add("Echo SO", AgencyKind::LawEnforcement, "MD", ApplicationType::Renewal, 50);
    add("Bravo PD", AgencyKind::LawEnforcement, "VA", ApplicationType::Renewal, 20);
    add("Charlie ECC", AgencyKind::Psap, "VA", ApplicationType::Initial, 30);
    const auto quiet =
        store.agencies().add({"Foxtrot PD", AgencyKind::LawEnforcement, "VA", "", ""}, at(0));
    store.applications().create(quiet.id, ApplicationType::Initial, at(1));
  }
  void add(std::string name, AgencyKind kind, std::string state, ApplicationType type, int second) {
    const auto a = store.agencies().add({name, kind, state, "", ""}, at(0));
    const auto draft = store.applications().create(a.id, type, at(0));
    ids[name] = store.applications()
                    .changeStatus(draft.id, {.from = ApplicationStatus::Draft,
                                             .to = ApplicationStatus::Submitted,
                                             .at = at(second)})
                    .id;
  }
  std::vector<std::string> names(const QueueQuery& q) {
    std::vector<std::string> out;
    for (const auto& e : store.applications().queue(q).entries) out.push_back(e.agencyName);
    return out;
  }
  std::map<std::string, Id> ids;
};

TEST_CASE("the queue lists submitted applications oldest first with their agency", "[store]") {
  QueueFixture f;
  f.store.applications().claim(f.ids["Bravo PD"], f.alice.id, at(60));
  const auto page = f.store.applications().queue({});
  CHECK(page.total == 5);
  REQUIRE(page.entries.size() == 5);
  CHECK(f.names({}) ==
        std::vector<std::string>{"Alpha 9-1-1", "Bravo PD", "Charlie ECC", "Delta PD", "Echo SO"});
  const auto& bravo = page.entries[1];
  CHECK(bravo.applicationId == f.ids["Bravo PD"]);
  CHECK(bravo.kind == AgencyKind::LawEnforcement);
  CHECK(bravo.state == "VA");
  CHECK(bravo.type == ApplicationType::Renewal);
  CHECK(bravo.round == 1);
  CHECK(bravo.submittedAt == at(20));
  CHECK(bravo.assigneeId == f.alice.id);
  CHECK(bravo.assigneeEmail == "alice@program.org");
  CHECK(page.entries[0].assigneeEmail.empty());
}

TEST_CASE("the queue filters by kind, state, type, round and assignee", "[store]") {
  QueueFixture f;
  f.store.applications().claim(f.ids["Echo SO"], f.bob.id, at(60));
  QueueQuery psap;
  psap.kind = AgencyKind::Psap;
  CHECK(f.names(psap) == std::vector<std::string>{"Alpha 9-1-1", "Charlie ECC"});
  QueueQuery maryland;
  maryland.state = "MD";
  CHECK(f.names(maryland) == std::vector<std::string>{"Alpha 9-1-1", "Echo SO"});
  QueueQuery renewals;
  renewals.type = ApplicationType::Renewal;
  renewals.kind = AgencyKind::LawEnforcement;
  CHECK(f.names(renewals) == std::vector<std::string>{"Bravo PD", "Echo SO"});
  QueueQuery second;
  second.round = 2;
  CHECK(f.names(second).empty());
  QueueQuery mine;
  mine.assigneeId = f.bob.id;
  CHECK(f.names(mine) == std::vector<std::string>{"Echo SO"});
  QueueQuery free;
  free.unassignedOnly = true;
  CHECK(f.store.applications().queue(free).total == 4);
}

TEST_CASE("the queue pages with a limit and an offset and counts all matches", "[store]") {
  QueueFixture f;
  QueueQuery q;
  q.limit = 2;
  q.offset = 2;
  const auto page = f.store.applications().queue(q);
  CHECK(page.total == 5);
  CHECK(f.names(q) == std::vector<std::string>{"Charlie ECC", "Delta PD"});
  q.limit = 0;
  REQUIRE_THROWS_AS(f.store.applications().queue(q), Poco::InvalidArgumentException);
  REQUIRE_THROWS_WITH(f.store.applications().queue(q), "A queue page holds 1 to 500 applications.");
}

TEST_CASE("an item decision is recorded per round and replaced when decided again", "[store]") {
  AppFixture f;
  const auto app = f.submitted(f.agency.id, 0);
  auto& apps = f.store.applications();
  apps.recordDecision(
      {app.id, 1, "LE-2", Decision::Deficient, "No time limit", f.alice.id, "met", at(5)});
  apps.recordDecision({app.id, 1, "LE-1", Decision::Accepted, "", f.alice.id, "", at(6)});
  apps.recordDecision({app.id, 1, "LE-2", Decision::Accepted, "Found in 4.2", f.bob.id, "", at(7)});
  apps.recordDecision({app.id, 2, "LE-2", Decision::Deficient, "", f.bob.id, "", at(8)});
  const auto first = apps.decisions(app.id, 1);
  REQUIRE(first.size() == 2);
  CHECK(first[0].itemId == "LE-1");
  CHECK(first[1].itemId == "LE-2");
  CHECK(first[1].decision == Decision::Accepted);
  CHECK(first[1].comment == "Found in 4.2");
  CHECK(first[1].reviewerId == f.bob.id);
  CHECK(first[1].overriddenStatus.empty());
  CHECK(first[1].decidedAt == at(7));
  CHECK(apps.decisions(app.id, 2).size() == 1);
  REQUIRE_THROWS_AS(
      apps.recordDecision({999, 1, "LE-1", Decision::Accepted, "", f.bob.id, "", at(9)}),
      core::NotFoundException);
}

TEST_CASE("an overridden pre-check status is kept with the decision", "[store]") {
  AppFixture f;
  const auto app = f.submitted(f.agency.id, 0);
  f.store.applications().recordDecision(
      {app.id, 1, "PSAP-7", Decision::Deficient, "Only partial", f.alice.id, "met", at(5)});
  CHECK(f.store.applications().decisions(app.id, 1).at(0).overriddenStatus == "met");
}

}  // namespace
}  // namespace mkrp::store
