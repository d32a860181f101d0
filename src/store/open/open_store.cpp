#include "store/open/open_store.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace mkrp::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string defaultDatabaseUrl(const std::string& dataDir) {
  return std::string(kSqlitePrefix) +
         Poco::Path(dataDir).makeDirectory().setFileName("mkrp.db").toString();
}

std::unique_ptr<Store> openStore(std::string_view url, const std::string& dataDir,
                                 bool migrate) {
  if (url.empty()) return openStore(defaultDatabaseUrl(dataDir), dataDir, migrate);
  if (startsWith(url, kSqlitePrefix)) {
    sqlite::Options options;
    options.path = std::string(url.substr(kSqlitePrefix.size()));
    if (options.path.empty()) {
      throw Poco::InvalidArgumentException(
          "The database address \"sqlite:\" names no file. Write it as sqlite:PATH.");
    }
    options.migrate = migrate;
    return sqlite::open(options);
  }
  if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
    postgres::Options options;
    options.url = std::string(url);
    options.migrate = migrate;
    return postgres::open(options);
  }
  throw Poco::InvalidArgumentException(
      "The database address \"" + std::string(url) +
      "\" is neither sqlite:PATH nor postgresql://user:password@host:port/dbname.");
}

}  // namespace mkrp::store
