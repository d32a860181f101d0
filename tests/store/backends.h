// The backends the store scenarios run on. Every scenario is written once against store::Store;
// the backend is chosen per run with `--backend NAME` (default: sqlite), so that each backend
// appears in ctest under its own name. A new backend registers a factory in backends.cpp.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace mkrp::store::testing {

// One fresh, empty database, removed again when this goes away.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  // A new Store on this database, as another process would open it. Applies no migrations.
  virtual std::unique_ptr<Store> open() = 0;
  // The address of this database as the service's --database option takes it.
  virtual std::string url() const = 0;
};

struct BackendFactory {
  std::string name;
  std::function<std::unique_ptr<TestDatabase>()> make;
};

// Every backend the scenarios know. SQLite always works; others may need a server.
const std::vector<BackendFactory>& backendFactories();

// Chooses the backend of this run. Throws Poco::NotFoundException for an unknown name.
void selectBackend(const std::string& name);
const std::string& selectedBackend();

// A fresh database of the selected backend.
std::unique_ptr<TestDatabase> makeDatabase();

// A fixed start of time for the scenarios, and whole seconds after it.
inline const TimePoint kT0{std::chrono::milliseconds(1'700'000'000'000)};
inline TimePoint at(int seconds) { return kT0 + std::chrono::seconds(seconds); }

// A migrated store on a fresh database: what most scenarios start from.
struct Fixture {
  Fixture();
  std::unique_ptr<TestDatabase> database;
  std::unique_ptr<Store> owned;
  Store& store;
};

}  // namespace mkrp::store::testing
