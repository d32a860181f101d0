// Agencies, users, sessions and sign-in failures.
#include <catch2/catch.hpp>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using testing::at;
using testing::Fixture;

NewAgency sampleAgency(std::string name = "Fairfax County Police Department") {
  return NewAgency{std::move(name), AgencyKind::LawEnforcement, "VA", "Fairfax", "VA0290000"};
}

NewUser agencyUser(Id agencyId, std::string email) {
  return NewUser{std::move(email), Role::Agency, agencyId, "$argon2id$v=19$m=65536,t=2,p=1$x$y"};
}

NewUser reviewer(std::string email) {
  return NewUser{std::move(email), Role::Reviewer, std::nullopt, "$argon2id$hash"};
}

TEST_CASE("an agency is stored with every field and read back by id", "[store]") {
  Fixture f;
  const Agency added = f.store.agencies().add(sampleAgency(), at(1));
  CHECK(added.id > 0);
  const Agency read = f.store.agencies().get(added.id);
  CHECK(read.name == "Fairfax County Police Department");
  CHECK(read.kind == AgencyKind::LawEnforcement);
  CHECK(read.state == "VA");
  CHECK(read.city == "Fairfax");
  CHECK(read.ori == "VA0290000");
  CHECK(read.createdAt == at(1));
}

TEST_CASE("agencies are listed by name and can be updated", "[store]") {
  Fixture f;
  const Agency b = f.store.agencies().add(sampleAgency("Brook County 9-1-1"), at(0));
  f.store.agencies().add(sampleAgency("Ash City Police"), at(0));
  Agency changed = b;
  changed.kind = AgencyKind::Psap;
  changed.city = "Brookville";
  f.store.agencies().update(changed);
  const auto all = f.store.agencies().list();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "Ash City Police");
  CHECK(all[1].kind == AgencyKind::Psap);
  CHECK(all[1].city == "Brookville");
}

TEST_CASE("an unknown agency id is not found", "[store]") {
  Fixture f;
  CHECK_FALSE(f.store.agencies().find(42).has_value());
  REQUIRE_THROWS_AS(f.store.agencies().get(42), core::NotFoundException);
  REQUIRE_THROWS_WITH(f.store.agencies().get(42),
                      "There is no agency with id 42. Check the number, or add the agency first.");
  Agency ghost;
  ghost.id = 42;
  ghost.name = "Ghost";
  REQUIRE_THROWS_AS(f.store.agencies().update(ghost), core::NotFoundException);
}

TEST_CASE("a user is found by email whatever its case", "[store]") {
  Fixture f;
  const Agency agency = f.store.agencies().add(sampleAgency(), at(0));
  const User added = f.store.users().add(agencyUser(agency.id, "Chief.Smith@Fairfax.gov"), at(2));
  const auto found = f.store.users().findByEmail("  chief.smith@FAIRFAX.GOV ");
  REQUIRE(found.has_value());
  CHECK(found->id == added.id);
  CHECK(found->email == "Chief.Smith@Fairfax.gov");
  CHECK(found->role == Role::Agency);
  CHECK(found->agencyId == agency.id);
  CHECK(found->passwordHash == "$argon2id$v=19$m=65536,t=2,p=1$x$y");
  CHECK(found->createdAt == at(2));
  CHECK_FALSE(f.store.users().findByEmail("someone.else@fairfax.gov").has_value());
}

TEST_CASE("an email differing only in case is refused as taken", "[store]") {
  Fixture f;
  f.store.users().add(reviewer("pat@program.org"), at(0));
  REQUIRE_THROWS_AS(f.store.users().add(reviewer("PAT@Program.org"), at(1)),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(
      f.store.users().add(reviewer("PAT@Program.org"), at(1)),
      "An account for PAT@Program.org exists already. Use that account, or another address.");
  CHECK(f.store.users().listByRole(Role::Reviewer).size() == 1);
}

TEST_CASE("a user of an unknown agency is refused", "[store]") {
  Fixture f;
  REQUIRE_THROWS_AS(f.store.users().add(agencyUser(7, "a@b.gov"), at(0)), core::NotFoundException);
  CHECK_FALSE(f.store.users().findByEmail("a@b.gov").has_value());
}

TEST_CASE("users are listed by role and their password hash can be replaced", "[store]") {
  Fixture f;
  const User b = f.store.users().add(reviewer("b@program.org"), at(0));
  f.store.users().add(reviewer("a@program.org"), at(0));
  f.store.users().add(NewUser{"root@program.org", Role::Admin, std::nullopt, "h"}, at(0));
  f.store.users().setPasswordHash(b.id, "$argon2id$new");
  const auto reviewers = f.store.users().listByRole(Role::Reviewer);
  REQUIRE(reviewers.size() == 2);
  CHECK(reviewers[0].email == "a@program.org");
  CHECK(reviewers[1].passwordHash == "$argon2id$new");
  REQUIRE_THROWS_AS(f.store.users().setPasswordHash(999, "x"), core::NotFoundException);
  REQUIRE_THROWS_AS(f.store.users().get(999), core::NotFoundException);
}

struct SessionFixture : Fixture {
  SessionFixture() : user(store.users().add(reviewer("r@program.org"), at(0))) {}
  LoginSession session(std::string token, int expiresAtSecond) const {
    return LoginSession{std::move(token), user.id, "csrf-" + std::to_string(expiresAtSecond),
                        at(10), at(expiresAtSecond)};
  }
  User user;
};

TEST_CASE("a session is found by its token hash until it expires", "[store]") {
  SessionFixture f;
  f.store.sessions().create(f.session("hash-1", 100));
  const auto found = f.store.sessions().find("hash-1", at(99));
  REQUIRE(found.has_value());
  CHECK(found->userId == f.user.id);
  CHECK(found->csrfToken == "csrf-100");
  CHECK(found->createdAt == at(10));
  CHECK(found->expiresAt == at(100));
  CHECK_FALSE(f.store.sessions().find("hash-1", at(100)).has_value());
  CHECK_FALSE(f.store.sessions().find("hash-2", at(50)).has_value());
}

TEST_CASE("a session can be extended, removed, and expired ones swept", "[store]") {
  SessionFixture f;
  f.store.sessions().create(f.session("keep", 100));
  f.store.sessions().create(f.session("old", 20));
  f.store.sessions().create(f.session("gone", 100));
  CHECK(f.store.sessions().extend("keep", at(500)));
  CHECK_FALSE(f.store.sessions().extend("nothing", at(500)));
  CHECK(f.store.sessions().remove("gone"));
  CHECK_FALSE(f.store.sessions().remove("gone"));
  CHECK(f.store.sessions().removeExpired(at(200)) == 1);
  CHECK(f.store.sessions().find("keep", at(400)).has_value());
  CHECK_FALSE(f.store.sessions().find("old", at(0)).has_value());
}

TEST_CASE("signing a user out everywhere removes all their sessions", "[store]") {
  SessionFixture f;
  f.store.sessions().create(f.session("laptop", 100));
  f.store.sessions().create(f.session("phone", 100));
  CHECK(f.store.sessions().removeForUser(f.user.id) == 2);
  CHECK_FALSE(f.store.sessions().find("laptop", at(50)).has_value());
}

TEST_CASE("a session token hash cannot be used twice", "[store]") {
  SessionFixture f;
  f.store.sessions().create(f.session("same", 100));
  REQUIRE_THROWS_AS(f.store.sessions().create(f.session("same", 200)), core::ConflictException);
  REQUIRE_THROWS_WITH(f.store.sessions().create(f.session("same", 200)),
                      "That session token is in use already.");
  CHECK(f.store.sessions().find("same", at(150)) == std::nullopt);
}

TEST_CASE("sign-in failures are counted per email and per address within the window", "[store]") {
  Fixture f;
  auto& attempts = f.store.loginAttempts();
  attempts.recordFailure("Pat@Program.org", "10.0.0.1", at(0));
  attempts.recordFailure("pat@program.org", "10.0.0.2", at(30));
  attempts.recordFailure("pat@program.org", "10.0.0.1", at(60));
  attempts.recordFailure("lee@program.org", "10.0.0.1", at(61));
  CHECK(attempts.failuresForEmail("PAT@program.org", at(0)) == 3);
  CHECK(attempts.failuresForEmail("pat@program.org", at(30)) == 2);
  CHECK(attempts.failuresForEmail("pat@program.org", at(61)) == 0);
  CHECK(attempts.failuresFromIp("10.0.0.1", at(0)) == 3);
  CHECK(attempts.failuresFromIp("10.0.0.1", at(1)) == 2);
  CHECK(attempts.failuresFromIp("10.0.0.9", at(0)) == 0);
}

TEST_CASE("a successful sign-in clears the email's failures and old ones are pruned", "[store]") {
  Fixture f;
  auto& attempts = f.store.loginAttempts();
  attempts.recordFailure("pat@program.org", "10.0.0.1", at(0));
  attempts.recordFailure("lee@program.org", "10.0.0.1", at(0));
  attempts.recordFailure("lee@program.org", "10.0.0.1", at(100));
  attempts.clearEmail("PAT@program.org");
  CHECK(attempts.failuresForEmail("pat@program.org", at(0)) == 0);
  CHECK(attempts.pruneBefore(at(50)) == 1);
  CHECK(attempts.failuresForEmail("lee@program.org", at(0)) == 1);
}

}  // namespace
}  // namespace mkrp::store
