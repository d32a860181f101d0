#include "backends.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "store/sqlite/sqlite_store.h"

namespace mkrp::store::testing {
namespace {

class SqliteDatabase final : public TestDatabase {
 public:
  SqliteDatabase() : directory_(Poco::TemporaryFile::tempName()) {
    Poco::File(directory_).createDirectories();
  }
  ~SqliteDatabase() override {
    try {
      Poco::File(directory_).remove(true);
    } catch (...) {  // a leftover temporary directory is not worth failing a test over
    }
  }

  std::unique_ptr<Store> open() override {
    sqlite::Options options;
    options.path = Poco::Path(directory_, "mkrp.db").toString();
    options.migrate = false;
    return sqlite::open(options);
  }

 private:
  std::string directory_;
};

std::string& selection() {
  static std::string name = "sqlite";
  return name;
}

}  // namespace

const std::vector<BackendFactory>& backendFactories() {
  static const std::vector<BackendFactory> kFactories{
      {"sqlite", [] { return std::make_unique<SqliteDatabase>(); }},
  };
  return kFactories;
}

void selectBackend(const std::string& name) {
  for (const auto& factory : backendFactories()) {
    if (factory.name == name) {
      selection() = name;
      return;
    }
  }
  throw Poco::NotFoundException("No store backend called \"" + name + "\".");
}

const std::string& selectedBackend() { return selection(); }

std::unique_ptr<TestDatabase> makeDatabase() {
  for (const auto& factory : backendFactories()) {
    if (factory.name == selection()) return factory.make();
  }
  throw Poco::NotFoundException("No store backend called \"" + selection() + "\".");
}

Fixture::Fixture() : database(makeDatabase()), owned(database->open()), store(*owned) {
  store.migrate(kT0);
}

}  // namespace mkrp::store::testing
