#include "store/migrations.h"

#include <catch2/catch.hpp>

#include "backends.h"

namespace mkrp::store {
namespace {

using testing::Fixture;

TEST_CASE("migrations are numbered from 1 without gaps", "[store]") {
  const auto& all = migrations::all();
  REQUIRE_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].version == static_cast<int>(i) + 1);
    CHECK_FALSE(all[i].statements.empty());
  }
}

TEST_CASE("a fresh database gets every migration once, recorded with its time", "[store]") {
  Fixture f;
  const auto applied = f.store.appliedMigrations();
  REQUIRE(applied.size() == migrations::all().size());
  for (std::size_t i = 0; i < applied.size(); ++i) {
    CHECK(applied[i].version == migrations::all()[i].version);
    CHECK(applied[i].name == migrations::all()[i].name);
    CHECK(applied[i].appliedAt == testing::kT0);
  }
}

}  // namespace
}  // namespace mkrp::store
