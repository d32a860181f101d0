#include "backends.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>

#include <atomic>
#include <mutex>

#include "store/postgres/postgres_store.h"
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
    options.path = path();
    options.migrate = false;
    return sqlite::open(options);
  }

  std::string url() const override { return "sqlite:" + path(); }

 private:
  std::string path() const { return Poco::Path(directory_, "mkrp.db").toString(); }

  std::string directory_;
};

// A database of its own on the server MKRP_TEST_POSTGRES_URL names (scripts/postgres.sh starts
// one), created through that URL's database and dropped again, connections and all.
class PostgresDatabase final : public TestDatabase {
 public:
  PostgresDatabase() : serverUrl_(serverUrl()), name_(uniqueName()) {
    admin() << "CREATE DATABASE " + name_, Poco::Data::Keywords::now;
    Poco::URI uri(serverUrl_);
    uri.setPath("/" + name_);
    url_ = uri.toString();
  }
  ~PostgresDatabase() override {
    try {
      admin() << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", Poco::Data::Keywords::now;
    } catch (...) {  // a leftover database on a throwaway server is not worth failing a test over
    }
  }

  std::unique_ptr<Store> open() override {
    postgres::Options options;
    options.url = url_;
    options.migrate = false;
    return postgres::open(options);
  }

  std::string url() const override { return url_; }

 private:
  static std::string serverUrl() {
    const std::string url = Poco::Environment::get("MKRP_TEST_POSTGRES_URL", "");
    if (url.empty()) {
      throw Poco::IllegalStateException(
          "No PostgreSQL server for the store scenarios: set MKRP_TEST_POSTGRES_URL "
          "(scripts/postgres.sh start prints one).");
    }
    return url;
  }

  static std::string uniqueName() {
    static std::atomic<int> counter{0};
    return "mkrp_scenario_" + std::to_string(Poco::Process::id()) + "_" +
           std::to_string(++counter);
  }

  Poco::Data::Session admin() const {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    return Poco::Data::Session("PostgreSQL",
                               postgres::connectionString(serverUrl_, std::chrono::seconds(10)));
  }

  std::string serverUrl_;
  std::string name_;
  std::string url_;
};

std::string& selection() {
  static std::string name = "sqlite";
  return name;
}

}  // namespace

const std::vector<BackendFactory>& backendFactories() {
  static const std::vector<BackendFactory> kFactories{
      {"sqlite", [] { return std::make_unique<SqliteDatabase>(); }},
      {"postgresql", [] { return std::make_unique<PostgresDatabase>(); }},
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
