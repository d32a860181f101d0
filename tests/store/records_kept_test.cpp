// The audit log, the notification outbox and memberships.
#include <catch2/catch.hpp>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using std::chrono::seconds;
using testing::at;
using testing::Fixture;

JobPolicy mailPolicy() {
  JobPolicy p;
  p.lease = seconds(30);
  p.maxAttempts = 3;
  p.baseDelay = seconds(60);
  p.maxDelay = seconds(3600);
  return p;
}

OutboxMessage mail(std::string subject, std::string dedupeKey = "") {
  OutboxMessage m;
  m.recipient = "chief@ash.gov";
  m.subject = std::move(subject);
  m.body = "Your application was returned. Please read the reviewer's message.";
  m.dedupeKey = std::move(dedupeKey);
  return m;
}

TEST_CASE("audit entries are appended and read back per entity, oldest first", "[store]") {
  Fixture f;
  const auto user =
      f.store.users().add({"r@program.org", Role::Reviewer, std::nullopt, "h"}, at(0));
  const Id first = f.store.audit().append(
      {0, at(1), user.id, "application.claimed", "application", 7, "{\"round\":1}"});
  f.store.audit().append({0, at(2), std::nullopt, "document.checked", "document", 3, "{}"});
  const Id third =
      f.store.audit().append({0, at(3), user.id, "application.returned", "application", 7, ""});
  const auto entries = f.store.audit().forEntity("application", 7);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].id == first);
  CHECK(entries[0].at == at(1));
  CHECK(entries[0].actorId == user.id);
  CHECK(entries[0].action == "application.claimed");
  CHECK(entries[0].detailsJson == "{\"round\":1}");
  CHECK(entries[1].id == third);
  CHECK(entries[1].detailsJson == "{}");
}

TEST_CASE("the latest audit entries page backwards by id", "[store]") {
  Fixture f;
  for (int i = 0; i < 5; ++i) {
    f.store.audit().append({0, at(i), std::nullopt, "tick", "clock", i, "{}"});
  }
  const auto newest = f.store.audit().recent(2, std::nullopt);
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].entityId == 4);
  CHECK(newest[1].entityId == 3);
  const auto older = f.store.audit().recent(10, newest[1].id);
  REQUIRE(older.size() == 3);
  CHECK(older[0].entityId == 2);
  CHECK_FALSE(older[2].actorId.has_value());
}

TEST_CASE("an outbox message is claimed, sent and not claimed again", "[store]") {
  Fixture f;
  const auto id = f.store.outbox().enqueue(mail("Application returned"), at(0));
  REQUIRE(id.has_value());
  const auto claimed = f.store.outbox().claim("mailer-1", at(1), mailPolicy());
  REQUIRE(claimed.has_value());
  CHECK(claimed->id == *id);
  CHECK(claimed->state == OutboxState::Sending);
  CHECK(claimed->recipient == "chief@ash.gov");
  CHECK(claimed->subject == "Application returned");
  CHECK(claimed->attempts == 1);
  CHECK(f.store.outbox().markSent(*id, "mailer-1", 1, at(2)));
  const auto sent = f.store.outbox().find(*id);
  CHECK(sent->state == OutboxState::Sent);
  CHECK(sent->finishedAt == at(2));
  CHECK_FALSE(f.store.outbox().claim("mailer-1", at(100), mailPolicy()).has_value());
}

TEST_CASE("a message with a dedupe key is enqueued only once", "[store]") {
  Fixture f;
  CHECK(f.store.outbox().enqueue(mail("Renewal window open", "membership-1:window"), at(0)));
  CHECK_FALSE(f.store.outbox().enqueue(mail("Renewal window open", "membership-1:window"), at(1)));
  CHECK(f.store.outbox().enqueue(mail("No key"), at(2)));
  CHECK(f.store.outbox().enqueue(mail("No key"), at(3)));
}

TEST_CASE("a failed delivery is retried after backoff and fails for good at the limit", "[store]") {
  Fixture f;
  const auto id = *f.store.outbox().enqueue(mail("Approved"), at(0));
  const auto first = f.store.outbox().claim("mailer-1", at(0), mailPolicy());
  CHECK(f.store.outbox().markFailed(id, "mailer-1", first->attempts, "SMTP 451", at(1),
                                    mailPolicy()) == FailOutcome::Retrying);
  const auto waiting = f.store.outbox().find(id);
  CHECK(waiting->state == OutboxState::Pending);
  CHECK(waiting->nextAttemptAt == at(61));
  CHECK(waiting->lastError == "SMTP 451");
  CHECK_FALSE(f.store.outbox().claim("mailer-1", at(60), mailPolicy()).has_value());
  const auto second = f.store.outbox().claim("mailer-1", at(61), mailPolicy());
  REQUIRE(second.has_value());
  CHECK(f.store.outbox().markFailed(id, "mailer-1", second->attempts, "SMTP 451", at(62),
                                    mailPolicy()) == FailOutcome::Retrying);
  CHECK(f.store.outbox().find(id)->nextAttemptAt == at(182));
  const auto third = f.store.outbox().claim("mailer-1", at(182), mailPolicy());
  CHECK(f.store.outbox().markFailed(id, "mailer-1", third->attempts, "SMTP 550", at(183),
                                    mailPolicy()) == FailOutcome::Failed);
  CHECK(f.store.outbox().find(id)->state == OutboxState::Failed);
  CHECK(f.store.outbox().find(id)->lastError == "SMTP 550");
}

TEST_CASE("a stuck delivery is taken over and the stale sender is refused", "[store]") {
  Fixture f;
  const auto id = *f.store.outbox().enqueue(mail("Submitted"), at(0));
  const auto stuck = f.store.outbox().claim("mailer-1", at(0), mailPolicy());
  CHECK_FALSE(f.store.outbox().claim("mailer-2", at(29), mailPolicy()).has_value());
  const auto taken = f.store.outbox().claim("mailer-2", at(30), mailPolicy());
  REQUIRE(taken.has_value());
  CHECK(taken->id == id);
  CHECK_FALSE(f.store.outbox().markSent(id, "mailer-1", stuck->attempts, at(31)));
  CHECK(f.store.outbox().markFailed(id, "mailer-1", stuck->attempts, "late", at(31),
                                    mailPolicy()) == FailOutcome::LeaseLost);
  CHECK(f.store.outbox().markSent(id, "mailer-2", taken->attempts, at(32)));
}

struct MemberFixture : Fixture {
  MemberFixture()
      : agency(store.agencies().add({"Ash 9-1-1", AgencyKind::Psap, "VA", "", ""}, at(0))),
        app(store.applications().create(agency.id, ApplicationType::Initial, at(0))) {}
  Agency agency;
  Application app;
};

TEST_CASE("a membership starts once and can be extended and lapsed", "[store]") {
  MemberFixture f;
  auto& members = f.store.memberships();
  const auto m = members.start(f.agency.id, f.app.id, at(0), at(1000));
  CHECK(m.status == MembershipStatus::Active);
  REQUIRE_THROWS_AS(members.start(f.agency.id, f.app.id, at(1), at(1001)), core::ConflictException);
  REQUIRE_THROWS_WITH(members.start(f.agency.id, f.app.id, at(1), at(1001)),
                      "This agency's membership is active already; a renewal extends it "
                      "instead.");
  CHECK(members.extend(m.id, at(2000)));
  CHECK(members.activeForAgency(f.agency.id)->expiresAt == at(2000));
  CHECK(members.activeExpiringBefore(at(2000)).empty());
  CHECK(members.activeExpiringBefore(at(2001)).size() == 1);
  CHECK(members.lapse(m.id));
  CHECK_FALSE(members.lapse(m.id));
  CHECK_FALSE(members.extend(m.id, at(3000)));
  CHECK_FALSE(members.activeForAgency(f.agency.id).has_value());
  CHECK(members.start(f.agency.id, f.app.id, at(3000), at(4000)).id != m.id);
}

TEST_CASE("each membership reminder is recorded once", "[store]") {
  MemberFixture f;
  const auto m = f.store.memberships().start(f.agency.id, f.app.id, at(0), at(1000));
  auto second = f.database->open();
  CHECK(f.store.memberships().recordReminder(m.id, "90d", at(10)));
  CHECK_FALSE(second->memberships().recordReminder(m.id, "90d", at(11)));
  CHECK(second->memberships().recordReminder(m.id, "30d", at(12)));
}

}  // namespace
}  // namespace mkrp::store
