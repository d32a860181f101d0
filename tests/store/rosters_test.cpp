// Training rosters: one per application round, replaced by a new upload, removed on request.
#include <catch2/catch.hpp>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using testing::at;

const std::string kFirstHash(64, 'a');
const std::string kSecondHash(64, 'b');

struct RosterFixture : testing::Fixture {
  RosterFixture()
      : agency(store.agencies().add({"Ash City Police", AgencyKind::LawEnforcement, "VA", "", ""},
                                    at(0))),
        staff(store.users().add({"staff@ash.gov", Role::Agency, agency.id, "h"}, at(0))),
        application(store.applications().create(agency.id, ApplicationType::Initial, at(0))) {}

  NewRoster roster(int round, std::string filename, const std::string& hash) const {
    return {application.id, round, std::move(filename), hash, 120, staff.id};
  }

  Agency agency;
  User staff;
  Application application;
};

TEST_CASE("a stored roster reads back with its upload time and uploader", "[store]") {
  RosterFixture f;
  const RosterRecord stored = f.store.rosters().put(f.roster(1, "roster.csv", kFirstHash), at(7));
  CHECK(stored.uploadedAt == at(7));
  const std::optional<RosterRecord> found = f.store.rosters().find(f.application.id, 1);
  REQUIRE(found.has_value());
  CHECK(found->applicationId == f.application.id);
  CHECK(found->round == 1);
  CHECK(found->filename == "roster.csv");
  CHECK(found->blobSha256 == kFirstHash);
  CHECK(found->size == 120);
  CHECK(found->uploadedBy == f.staff.id);
  CHECK(found->uploadedAt == at(7));
}

TEST_CASE("uploading a roster again replaces the round's roster", "[store]") {
  RosterFixture f;
  f.store.rosters().put(f.roster(1, "old.csv", kFirstHash), at(1));
  f.store.rosters().put(f.roster(1, "new.csv", kSecondHash), at(2));
  const std::optional<RosterRecord> found = f.store.rosters().find(f.application.id, 1);
  REQUIRE(found.has_value());
  CHECK(found->filename == "new.csv");
  CHECK(found->blobSha256 == kSecondHash);
  CHECK(found->uploadedAt == at(2));
}

TEST_CASE("each round of an application has its own roster", "[store]") {
  RosterFixture f;
  f.store.rosters().put(f.roster(1, "first.csv", kFirstHash), at(1));
  CHECK_FALSE(f.store.rosters().find(f.application.id, 2).has_value());
  f.store.rosters().put(f.roster(2, "second.csv", kSecondHash), at(2));
  CHECK(f.store.rosters().find(f.application.id, 1)->filename == "first.csv");
  CHECK(f.store.rosters().find(f.application.id, 2)->filename == "second.csv");
}

TEST_CASE("removing a roster leaves the round without one", "[store]") {
  RosterFixture f;
  f.store.rosters().put(f.roster(1, "roster.csv", kFirstHash), at(1));
  CHECK(f.store.rosters().remove(f.application.id, 1));
  CHECK_FALSE(f.store.rosters().find(f.application.id, 1).has_value());
  CHECK_FALSE(f.store.rosters().remove(f.application.id, 1));
}

TEST_CASE("a roster for an application that does not exist is refused", "[store]") {
  RosterFixture f;
  NewRoster orphan = f.roster(1, "roster.csv", kFirstHash);
  orphan.applicationId = f.application.id + 100;
  REQUIRE_THROWS_AS(f.store.rosters().put(orphan, at(1)), core::NotFoundException);
  REQUIRE_THROWS_WITH(
      f.store.rosters().put(orphan, at(1)),
      "There is no application with id " + std::to_string(orphan.applicationId) + ".");
}

TEST_CASE("a roster stored inside a rolled-back transaction is not kept", "[store]") {
  RosterFixture f;
  CHECK_THROWS_AS(f.store.transaction([&](Store& tx) {
    tx.rosters().put(f.roster(1, "roster.csv", kFirstHash), at(1));
    throw core::ConflictException("changed my mind");
  }),
                  core::ConflictException);
  CHECK_FALSE(f.store.rosters().find(f.application.id, 1).has_value());
}

}  // namespace
}  // namespace mkrp::store
