// An administrator withdraws a membership: who may, what it needs, and what follows from it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/errors.h"
#include "workflow/errors.h"
#include "workflow/recognition.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using store::MembershipStatus;
using testing::Fixture;

struct Member : Fixture {
  Member()
      : agency(addAgency("Ashford Police Department")),
        staff(addStaff(agency.id, "chief@ashford.gov")),
        reviewer(addReviewer("reviewer@program.org")),
        admin(addReviewer("admin@program.org", store::Role::Admin)) {
    const store::Application application = submitted(staff);
    applications.claim(reviewer, application.id);
    approved = applications.decide(reviewer, application.id, FinalDecision::Approve, "Welcome.");
  }
  const Recognition& recognition() { return applications.recognition(); }
  store::Membership membership() { return *store.memberships().latestForAgency(agency.id); }
  std::vector<std::string> memberNames() {
    std::vector<std::string> names;
    for (const auto& m : recognition().members({})) names.push_back(m.agency.name);
    return names;
  }
  std::string certificateCode() {
    return store.certificates().forApplication(approved.id)->code;
  }

  store::Agency agency;
  Actor staff;
  Actor reviewer;
  Actor admin;
  store::Application approved;
};

TEST_CASE("an admin's withdrawal takes the agency off the public list at once",
          "[workflow][recognition]") {
  Member f;
  REQUIRE(f.memberNames() == std::vector<std::string>{"Ashford Police Department"});
  const store::Membership withdrawn =
      f.recognition().withdrawMembership(f.admin, f.agency.id, "  The agency asked to leave.  ");
  CHECK(withdrawn.status == MembershipStatus::Withdrawn);
  CHECK(f.membership().status == MembershipStatus::Withdrawn);
  CHECK(f.memberNames().empty());
}

TEST_CASE("a withdrawn membership's certificate verifies as withdrawn",
          "[workflow][recognition]") {
  Member f;
  REQUIRE(f.recognition().verify(f.certificateCode())->status == "valid");
  f.recognition().withdrawMembership(f.admin, f.agency.id, "Directives no longer in force.");
  CHECK(f.recognition().verify(f.certificateCode())->status == "withdrawn");
}

TEST_CASE("a withdrawal is audited with who and why, and the agency's staff are told why",
          "[workflow][recognition]") {
  Member f;
  f.recognition().withdrawMembership(f.admin, f.agency.id, "Directives no longer in force.");
  const std::vector<store::AuditEntry> entries =
      f.store.audit().forEntity("membership", f.membership().id);
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().action == "membership.withdrawn");
  CHECK(entries.back().actorId == f.admin.userId);
  CHECK_THAT(entries.back().detailsJson, Catch::Contains("Directives no longer in force."));
  bool told = false;
  while (auto message = f.store.outbox().claim("test", f.clock.now(), f.policy)) {
    f.store.outbox().markSent(message->id, "test", message->attempts, f.clock.now());
    if (message->subject != "MKRP membership of Ashford Police Department was withdrawn") continue;
    told = true;
    CHECK(message->recipient == "chief@ashford.gov");
    CHECK_THAT(message->body, Catch::Contains("Directives no longer in force."));
  }
  CHECK(told);
}

TEST_CASE("only an admin may withdraw a membership", "[workflow][recognition]") {
  Member f;
  const std::string message = "Only an administrator may withdraw a membership.";
  REQUIRE_THROWS_AS(f.recognition().withdrawMembership(f.reviewer, f.agency.id, "Because."),
                    ForbiddenException);
  REQUIRE_THROWS_WITH(f.recognition().withdrawMembership(f.staff, f.agency.id, "Because."),
                      message);
  CHECK(f.membership().status == MembershipStatus::Active);
}

TEST_CASE("a withdrawal without a reason is refused and changes nothing",
          "[workflow][recognition]") {
  Member f;
  REQUIRE_THROWS_AS(f.recognition().withdrawMembership(f.admin, f.agency.id, " \n "),
                    InvalidRequestException);
  REQUIRE_THROWS_WITH(f.recognition().withdrawMembership(f.admin, f.agency.id, ""),
                      Catch::StartsWith("Say why the membership is withdrawn"));
  CHECK(f.membership().status == MembershipStatus::Active);
}

TEST_CASE("withdrawing twice, or an agency that was never a member, is refused with why",
          "[workflow][recognition]") {
  Member f;
  f.recognition().withdrawMembership(f.admin, f.agency.id, "The agency asked to leave.");
  REQUIRE_THROWS_AS(f.recognition().withdrawMembership(f.admin, f.agency.id, "Again."),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(f.recognition().withdrawMembership(f.admin, f.agency.id, "Again."),
                      "The membership of Ashford Police Department was withdrawn already.");
  const store::Agency other = f.addAgency("Bexley Sheriff's Office");
  REQUIRE_THROWS_AS(f.recognition().withdrawMembership(f.admin, other.id, "Because."),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(f.recognition().withdrawMembership(f.admin, 999999, "Because."),
                      "Agency 999999 has no membership to withdraw.");
}

TEST_CASE("after a withdrawal a new approval starts a new membership", "[workflow][recognition]") {
  Member f;
  const store::Id old = f.membership().id;
  f.recognition().withdrawMembership(f.admin, f.agency.id, "The agency asked to leave.");
  const store::Application again = f.submitted(f.staff);
  f.applications.claim(f.reviewer, again.id);
  f.applications.decide(f.reviewer, again.id, FinalDecision::Approve, "Welcome back.");
  CHECK(f.membership().id != old);
  CHECK(f.membership().status == MembershipStatus::Active);
  CHECK(f.memberNames() == std::vector<std::string>{"Ashford Police Department"});
}

}  // namespace
}  // namespace mkrp::workflow
