// The reviewer's side: queue, claim and release, item decisions, return and approve, and the
// agency's next round.
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "workflow/errors.h"
#include "workflow/rules.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using store::ApplicationStatus;
using store::Decision;
using testing::fakePdf;
using testing::Fixture;

struct Review : Fixture {
  store::Agency harlow = addAgency("Harlow PD");
  Actor staff = addStaff(harlow.id, "a@harlow.test");
  Actor reviewer = addReviewer("reviewer@mkrp.test");
  Actor second = addReviewer("second@mkrp.test");
  Actor admin = addReviewer("admin@mkrp.test", store::Role::Admin);
};

// Every notice in the outbox, as "recipient: subject".
std::vector<std::string> notices(Fixture& f) {
  std::vector<std::string> found;
  while (auto message = f.store.outbox().claim("t", f.clock.now(), {})) {
    found.push_back(message->recipient + ": " + message->subject);
    f.store.outbox().markSent(message->id, "t", message->attempts, f.clock.now());
  }
  return found;
}

TEST_CASE("the queue shows submissions oldest first with their waiting time", "[workflow]") {
  Review f;
  const store::Application first = f.submitted(f.staff);
  const store::Agency calder = f.addAgency("Calder County SO", store::AgencyKind::Psap, "MD");
  const Actor calderStaff = f.addStaff(calder.id, "a@calder.test");
  f.clock.advance(std::chrono::minutes(10));
  const store::Application later = f.submitted(calderStaff);
  f.clock.advance(std::chrono::minutes(5));
  const QueueResult queue = f.applications.queue(f.reviewer, {});
  REQUIRE(queue.rows.size() == 2);
  CHECK(queue.rows[0].entry.applicationId == first.id);
  CHECK(queue.rows[0].waitingSeconds == 15 * 60);
  CHECK(queue.rows[1].entry.applicationId == later.id);
  store::QueueQuery psapOnly;
  psapOnly.kind = store::AgencyKind::Psap;
  REQUIRE(f.applications.queue(f.reviewer, psapOnly).rows.size() == 1);
}

TEST_CASE("agency staff cannot see the queue", "[workflow]") {
  Review f;
  REQUIRE_THROWS_AS(f.applications.queue(f.staff, {}), ForbiddenException);
  REQUIRE_THROWS_WITH(f.applications.queue(f.staff, {}),
                      "Only reviewers can see the queue and submitted applications.");
}

TEST_CASE("claiming puts the application in review for that reviewer", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  const store::Application claimed = f.applications.claim(f.reviewer, submitted.id);
  CHECK(claimed.status == ApplicationStatus::InReview);
  CHECK(claimed.assigneeId == f.reviewer.userId);
  CHECK(f.auditActions(submitted.id).back() == "application.claimed");
}

TEST_CASE("a claimed application cannot be claimed by another reviewer", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  REQUIRE_THROWS_AS(f.applications.claim(f.second, submitted.id), core::ConflictException);
  CHECK_NOTHROW(f.applications.claim(f.reviewer, submitted.id));  // one's own claim again
}

TEST_CASE("a released application can be claimed by another reviewer", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  const store::Application released = f.applications.release(f.reviewer, submitted.id);
  CHECK(released.status == ApplicationStatus::InReview);
  CHECK_FALSE(released.assigneeId);
  CHECK(f.applications.claim(f.second, submitted.id).assigneeId == f.second.userId);
}

TEST_CASE("only the holder can release a claim", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  REQUIRE_THROWS_AS(f.applications.release(f.second, submitted.id), core::ConflictException);
}

TEST_CASE("admins may look but not claim, and agencies may not claim", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  CHECK_NOTHROW(f.applications.view(f.admin, submitted.id));
  REQUIRE_THROWS_AS(f.applications.claim(f.admin, submitted.id), ForbiddenException);
  REQUIRE_THROWS_AS(f.applications.claim(f.staff, submitted.id), ForbiddenException);
  REQUIRE_THROWS_WITH(f.applications.claim(f.staff, submitted.id), "Only reviewers can do this.");
}

TEST_CASE("items can be decided only under one's own claim", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  REQUIRE_THROWS_AS(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Accepted, ""),
      core::ConflictException);
  f.applications.claim(f.second, submitted.id);
  REQUIRE_THROWS_WITH(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Accepted, ""),
      "Application " + std::to_string(submitted.id) +
          " is not claimed by you. Claim it from the queue first.");
}

TEST_CASE("a deficient item needs a comment", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  REQUIRE_THROWS_AS(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Deficient, "  "),
      InvalidRequestException);
  REQUIRE_THROWS_WITH(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Deficient, ""),
      "Say what is missing or wrong: a deficient item needs a comment for the agency.");
}

TEST_CASE("an item the pre-check does not know is not found", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  REQUIRE_THROWS_AS(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-999", Decision::Accepted, ""),
      core::NotFoundException);
  REQUIRE_THROWS_WITH(
      f.applications.decideItem(f.reviewer, submitted.id, "LE-999", Decision::Accepted, ""),
      "Application " + std::to_string(submitted.id) + " has no checklist item 'LE-999'.");
}

TEST_CASE("accepting an item the pre-check found missing records the override", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);  // a one-line policy: LE-01 missing
  f.applications.claim(f.reviewer, submitted.id);
  const store::ItemDecision decision =
      f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Accepted, "");
  CHECK(decision.overriddenStatus == "missing");
  const std::vector<store::AuditEntry> entries =
      f.store.audit().forEntity("application", submitted.id);
  CHECK(entries.back().action == "application.item_decided");
  CHECK_THAT(entries.back().detailsJson, Catch::Contains("\"overrides\":\"missing\""));
}

TEST_CASE("a return needs a message", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Deficient, "Missing.");
  REQUIRE_THROWS_AS(f.applications.decide(f.reviewer, submitted.id, FinalDecision::Return, " "),
                    InvalidRequestException);
  REQUIRE_THROWS_WITH(f.applications.decide(f.reviewer, submitted.id, FinalDecision::Return, ""),
                      "Write a message to the agency saying what to change before returning the "
                      "application.");
}

TEST_CASE("a return needs at least one deficient item", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Accepted, "");
  REQUIRE_THROWS_AS(
      f.applications.decide(f.reviewer, submitted.id, FinalDecision::Return, "Please fix."),
      InvalidRequestException);
  REQUIRE_THROWS_WITH(
      f.applications.decide(f.reviewer, submitted.id, FinalDecision::Return, "Please fix."),
      "Mark at least one item deficient, with a comment, before returning the application.");
}

TEST_CASE("an approval is refused while items are deficient", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Deficient, "Missing.");
  REQUIRE_THROWS_AS(f.applications.decide(f.reviewer, submitted.id, FinalDecision::Approve, ""),
                    InvalidRequestException);
  REQUIRE_THROWS_WITH(f.applications.decide(f.reviewer, submitted.id, FinalDecision::Approve, ""),
                      "These items are marked deficient: LE-01. Accept them, or return the "
                      "application instead.");
}

TEST_CASE("a returned application shows the agency the message and decisions", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  CHECK(returned.status == ApplicationStatus::Returned);
  CHECK_FALSE(returned.assigneeId);
  const ApplicationView view = f.applications.view(f.staff, returned.id);
  CHECK(view.reviewerMessage == "Please fix LE-01.");
  REQUIRE(view.decisions.size() == 1);
  CHECK(view.decisions[0].comment == "Write the policy down.");
  CHECK(view.documentsRound == 2);
  REQUIRE(view.documents.size() == 1);  // kept for the next round unless replaced
  CHECK(f.auditActions(returned.id).back() == "application.returned");
}

TEST_CASE("the agency does not see decisions while the review is open", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Deficient, "Missing.");
  CHECK(f.applications.view(f.staff, submitted.id).decisions.empty());
  CHECK(f.applications.view(f.reviewer, submitted.id).decisions.size() == 1);
}

TEST_CASE("a returned application resubmitted keeping its documents is round 2", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  const store::Application resubmitted = f.applications.submit(f.staff, returned.id);
  CHECK(resubmitted.status == ApplicationStatus::Submitted);
  CHECK(resubmitted.round == 2);
  const ApplicationView view = f.applications.view(f.reviewer, returned.id);
  CHECK(view.documentsRound == 2);
  CHECK(view.documents.size() == 1);
  CHECK(view.precheckJson);
  CHECK(view.decisions.empty());  // round 2 is decided afresh
}

TEST_CASE("a returned application resubmitted with a replaced document", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  const store::DocumentRecord kept = f.store.documents().listForRound(returned.id, 2).at(0);
  f.applications.removeDocument(f.staff, returned.id, kept.id);
  const store::DocumentRecord replacement =
      f.applications.upload(f.staff, returned.id, "GO 41 rev.pdf", fakePdf("Revised policy."));
  CHECK(replacement.round == 2);
  f.runJobs();
  f.applications.submit(f.staff, returned.id);
  const ApplicationView view = f.applications.view(f.reviewer, returned.id);
  REQUIRE(view.documents.size() == 1);
  CHECK(view.documents[0].filename == "GO 41 rev.pdf");
  CHECK(f.store.documents().listForRound(returned.id, 1).size() == 1);  // round 1 stays as it was
}

TEST_CASE("a resubmission keeping its documents shows no changes", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  f.applications.submit(f.staff, returned.id);
  CHECK(f.applications.view(f.reviewer, returned.id).changes.empty());
}

TEST_CASE("a resubmission with a new document shows what changed per item", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  f.applications.removeDocument(f.staff, returned.id,
                                f.store.documents().listForRound(returned.id, 2).at(0).id);
  Poco::FileInputStream file(std::string(MKRP_SOURCE_DIR) +
                             "/tests/fixtures/directives/01-harlow-pd-policy-332.txt");
  std::string text;
  Poco::StreamCopier::copyToString(file, text);
  f.applications.upload(f.staff, returned.id, "Policy 332.pdf", fakePdf(text));
  f.runJobs();
  f.applications.submit(f.staff, returned.id);
  const ApplicationView view = f.applications.view(f.reviewer, returned.id);
  const store::Id first = f.store.documents().listForRound(returned.id, 1).at(0).id;
  const auto before = detail::itemOutcomes(f.store.documents().results(first)->findingsJson);
  auto after = detail::itemOutcomes(*view.precheckJson);
  // Neither round has a training roster: its items are missing in both, so they did not change.
  std::erase_if(after, [](const auto& item) { return item.first.starts_with("TRN-"); });
  REQUIRE_FALSE(view.changes.empty());
  CHECK(view.changes.size() == detail::changedItems(before, after).size());
  for (const ItemChange& change : view.changes) {
    INFO(change.itemId);
    CHECK(change.previousStatus == before.at(change.itemId).status);
    CHECK(change.status == after.at(change.itemId).status);
  }
}

TEST_CASE("an approval starts a five-year membership and notifies the agency", "[workflow]") {
  Review f;
  const store::Application submitted = f.submitted(f.staff);
  f.applications.claim(f.reviewer, submitted.id);
  f.applications.decideItem(f.reviewer, submitted.id, "LE-01", Decision::Accepted, "");
  const store::Application approved =
      f.applications.decide(f.reviewer, submitted.id, FinalDecision::Approve, "Well done.");
  CHECK(approved.status == ApplicationStatus::Approved);
  CHECK(approved.decidedAt == f.clock.now());
  const std::optional<store::Membership> membership =
      f.store.memberships().activeForAgency(f.harlow.id);
  REQUIRE(membership);
  CHECK(membership->expiresAt == detail::addYears(f.clock.now(), 5));
  CHECK(notices(f) ==
        std::vector<std::string>{
            "a@harlow.test: MKRP application " + std::to_string(submitted.id) + " was submitted",
            "a@harlow.test: MKRP application " + std::to_string(submitted.id) + " is approved"});
}

TEST_CASE("a decided application cannot be claimed again", "[workflow]") {
  Review f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  REQUIRE_THROWS_AS(f.applications.claim(f.reviewer, returned.id), core::ConflictException);
}

}  // namespace
}  // namespace mkrp::workflow
