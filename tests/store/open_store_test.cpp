#include "store/open/open_store.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <catch2/catch.hpp>

#include "backends.h"
#include "store/migrations.h"
#include "store/postgres/postgres_store.h"

namespace mkrp::store {
namespace {

using std::chrono::seconds;

TEST_CASE("a postgresql URL becomes a libpq connection string with every part quoted",
          "[store]") {
  CHECK(postgres::connectionString("postgresql://mkrp:secret@db.example.org:6543/review",
                                   seconds(7)) ==
        "host='db.example.org' port=6543 dbname='review' user='mkrp' password='secret' "
        "connect_timeout=7");
}

TEST_CASE("a postgresql URL without port or password connects to port 5432 without one",
          "[store]") {
  CHECK(postgres::connectionString("postgres://mkrp@localhost/review", seconds(10)) ==
        "host='localhost' port=5432 dbname='review' user='mkrp' connect_timeout=10");
}

TEST_CASE("a percent-encoded password is decoded, and its quotes and colons kept", "[store]") {
  CHECK(postgres::connectionString("postgresql://mkrp:it%27s%3Aa%20b%5C@h/d", seconds(1)) ==
        "host='h' port=5432 dbname='d' user='mkrp' password='it\\'s:a b\\\\' connect_timeout=1");
}

TEST_CASE("a postgresql URL without a database is refused", "[store]") {
  REQUIRE_THROWS_AS(postgres::connectionString("postgresql://mkrp:pw@localhost:5432/", seconds(1)),
                    Poco::InvalidArgumentException);
  REQUIRE_THROWS_WITH(
      postgres::connectionString("postgresql://mkrp:pw@localhost:5432/", seconds(1)),
      Catch::Contains("names no database") &&
          Catch::Contains("postgresql://user:password@host:port/dbname"));
}

TEST_CASE("a postgresql URL without a user is refused", "[store]") {
  REQUIRE_THROWS_AS(postgres::connectionString("postgresql://localhost/review", seconds(1)),
                    Poco::InvalidArgumentException);
  REQUIRE_THROWS_WITH(postgres::connectionString("postgresql://localhost/review", seconds(1)),
                      Catch::Contains("names no user"));
}

TEST_CASE("a database address of an unknown kind is refused", "[store]") {
  REQUIRE_THROWS_AS(openStore("mysql://mkrp@localhost/review", "/nonexistent"),
                    Poco::InvalidArgumentException);
  REQUIRE_THROWS_WITH(openStore("mysql://mkrp@localhost/review", "/nonexistent"),
                      "The database address \"mysql://mkrp@localhost/review\" "
                      "is neither sqlite:PATH nor postgresql://user:password@host:port/dbname.");
}

TEST_CASE("without a database address the store is SQLite's mkrp.db in the data directory",
          "[store]") {
  const std::string dataDir = Poco::TemporaryFile::tempName();
  Poco::File(dataDir).createDirectories();
  CHECK(defaultDatabaseUrl(dataDir) == "sqlite:" + dataDir + "/mkrp.db");
  {
    auto store = openStore("", dataDir);
    CHECK(store->appliedMigrations().size() == migrations::all().size());
  }
  CHECK(Poco::File(Poco::Path(dataDir, "mkrp.db")).exists());
  Poco::File(dataDir).remove(true);
}

TEST_CASE("a database address opens that database, migrated, on its backend", "[store]") {
  auto database = testing::makeDatabase();
  Id id = 0;
  {
    auto store = openStore(database->url(), "/nonexistent");
    CHECK(store->appliedMigrations().size() == migrations::all().size());
    id = store->agencies().add({"Town Police", AgencyKind::LawEnforcement, "VA", "", ""},
                               testing::kT0).id;
  }
  auto again = database->open();
  CHECK(again->agencies().get(id).name == "Town Police");
}

TEST_CASE("a database address opened without migrating leaves the schema alone", "[store]") {
  auto database = testing::makeDatabase();
  auto store = openStore(database->url(), "/nonexistent", false);
  CHECK(store->appliedMigrations().empty());
}

}  // namespace
}  // namespace mkrp::store
