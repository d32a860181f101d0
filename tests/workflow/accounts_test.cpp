#include <catch2/catch.hpp>

#include "core/errors.h"
#include "workflow/errors.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using testing::Fixture;
using testing::kPassword;

TEST_CASE("an agency is stored with its state upper-cased and audited", "[workflow]") {
  Fixture f;
  const store::Agency agency =
      f.accounts.addAgency({"Harlow PD", store::AgencyKind::Psap, " va ", "Harlow", "va0010000"});
  CHECK(agency.state == "VA");
  CHECK(agency.ori == "VA0010000");
  CHECK(f.store.audit().forEntity("agency", agency.id).at(0).action == "agency.created");
}

TEST_CASE("an agency without a two-letter state is refused", "[workflow]") {
  Fixture f;
  const store::NewAgency agency{"Harlow PD", store::AgencyKind::LawEnforcement, "Virginia", "", ""};
  REQUIRE_THROWS_AS(f.accounts.addAgency(agency), InvalidRequestException);
  REQUIRE_THROWS_WITH(f.accounts.addAgency(agency),
                      "The state must be its two-letter postal code, such as VA.");
}

TEST_CASE("an agency with a malformed ORI is refused", "[workflow]") {
  Fixture f;
  const store::NewAgency agency{"Harlow PD", store::AgencyKind::LawEnforcement, "VA", "", "VA1"};
  REQUIRE_THROWS_AS(f.accounts.addAgency(agency), InvalidRequestException);
  REQUIRE_THROWS_WITH(f.accounts.addAgency(agency), Catch::Contains("nine letters and digits"));
}

TEST_CASE("a user needs a real-looking email", "[workflow]") {
  Fixture f;
  REQUIRE_THROWS_AS(f.addReviewer("reviewer.example.org"), InvalidRequestException);
  REQUIRE_THROWS_WITH(f.addReviewer("a@b"),
                      "'a@b' is not an email address. Write it as "
                      "name@example.org.");
}

TEST_CASE("agency staff need an agency and reviewers must not have one", "[workflow]") {
  Fixture f;
  const store::Agency agency = f.addAgency("Harlow PD");
  REQUIRE_THROWS_AS(
      f.accounts.addUser("a@harlow.test", store::Role::Agency, std::nullopt, kPassword),
      InvalidRequestException);
  REQUIRE_THROWS_WITH(
      f.accounts.addUser("r@mkrp.test", store::Role::Reviewer, agency.id, kPassword),
      "Only agency staff belong to an agency; leave the agency out.");
}

TEST_CASE("a second account with the same email is a conflict", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  REQUIRE_THROWS_AS(f.addReviewer("Reviewer@MKRP.test"), core::ConflictException);
}

TEST_CASE("a staff account of an unknown agency is not found", "[workflow]") {
  Fixture f;
  REQUIRE_THROWS_AS(f.addStaff(99, "a@harlow.test"), core::NotFoundException);
}

TEST_CASE("signing in gives a session that names the actor", "[workflow]") {
  Fixture f;
  const store::Agency agency = f.addAgency("Harlow PD");
  f.addStaff(agency.id, "a@harlow.test");
  const SignedIn in = f.accounts.signIn("A@harlow.test ", kPassword, "10.0.0.1");
  CHECK(in.token.size() == 64);
  CHECK(in.csrf.size() == 64);
  const std::optional<Session> session = f.accounts.session(in.token);
  REQUIRE(session);
  CHECK(session->actor.role == store::Role::Agency);
  CHECK(session->actor.agencyId == agency.id);
  CHECK(session->csrf == in.csrf);
}

TEST_CASE("a wrong password and an unknown email fail alike", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  const std::string message = "The email address or the password is not right. Try again.";
  REQUIRE_THROWS_AS(f.accounts.signIn("reviewer@mkrp.test", "wrong password!", "10.0.0.1"),
                    NotSignedInException);
  REQUIRE_THROWS_WITH(f.accounts.signIn("reviewer@mkrp.test", "wrong password!", "10.0.0.1"),
                      message);
  REQUIRE_THROWS_WITH(f.accounts.signIn("nobody@mkrp.test", kPassword, "10.0.0.1"), message);
}

TEST_CASE("after five failures even the right password is refused for a while", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  for (int i = 0; i < 5; ++i) {
    REQUIRE_THROWS_AS(f.accounts.signIn("reviewer@mkrp.test", "wrong password!", "10.0.0.1"),
                      NotSignedInException);
  }
  REQUIRE_THROWS_AS(f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.2"),
                    TooManyAttemptsException);
  REQUIRE_THROWS_WITH(f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.2"),
                      Catch::StartsWith("Too many failed sign-ins. Wait 15 minutes"));
  f.clock.advance(std::chrono::minutes(16));
  CHECK_NOTHROW(f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.2"));
}

TEST_CASE("too many failures from one address block every email from it", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  for (int i = 0; i < 50; ++i) {
    CHECK_THROWS_AS(f.accounts.signIn("guess" + std::to_string(i) + "@mkrp.test", "x", "10.6.6.6"),
                    NotSignedInException);
  }
  REQUIRE_THROWS_AS(f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.6.6.6"),
                    TooManyAttemptsException);
  CHECK_NOTHROW(f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.7"));
}

TEST_CASE("a session unused for longer than the idle time ends", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  const SignedIn in = f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.1");
  f.clock.advance(std::chrono::minutes(119));
  REQUIRE(f.accounts.session(in.token));
  f.clock.advance(std::chrono::minutes(119));  // still within idle time of the last use
  REQUIRE(f.accounts.session(in.token));
  f.clock.advance(std::chrono::minutes(121));
  CHECK_FALSE(f.accounts.session(in.token));
}

TEST_CASE("a session in constant use still ends at its maximum age", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  const SignedIn in = f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.1");
  for (int hour = 0; hour < 11; ++hour) {
    f.clock.advance(std::chrono::hours(1));
    REQUIRE(f.accounts.session(in.token));
  }
  f.clock.advance(std::chrono::minutes(61));
  CHECK_FALSE(f.accounts.session(in.token));
}

TEST_CASE("signing out ends the session", "[workflow]") {
  Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  const SignedIn in = f.accounts.signIn("reviewer@mkrp.test", kPassword, "10.0.0.1");
  f.accounts.signOut(in.token);
  CHECK_FALSE(f.accounts.session(in.token));
}

TEST_CASE("an unknown session token finds nothing", "[workflow]") {
  Fixture f;
  CHECK_FALSE(f.accounts.session("0123"));
  CHECK_FALSE(f.accounts.session(""));
}

TEST_CASE("demo accounts are made once and get new passwords each time", "[workflow]") {
  Fixture f;
  const DemoAccounts first = f.accounts.ensureDemoAccounts();
  const SignedIn in = f.accounts.signIn(first.agencyEmail, first.agencyPassword, "10.0.0.1");
  const DemoAccounts second = f.accounts.ensureDemoAccounts();
  CHECK(second.agency.id == first.agency.id);
  CHECK(f.store.agencies().list().size() == 1);
  CHECK(second.agencyPassword != first.agencyPassword);
  CHECK_FALSE(f.accounts.session(in.token));  // the old password's sessions end
  REQUIRE_THROWS_AS(f.accounts.signIn(first.reviewerEmail, first.reviewerPassword, "10.0.0.1"),
                    NotSignedInException);
  CHECK(f.accounts.signIn(second.reviewerEmail, second.reviewerPassword, "10.0.0.1").user.role ==
        store::Role::Reviewer);
}

}  // namespace
}  // namespace mkrp::workflow
