#include "store/sqlite/sqlite_store.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Connector.h>

#include <mutex>

#include "store/sql/sql_store.h"

namespace mkrp::store::sqlite {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

sql::Dialect sqliteDialect() {
  sql::Dialect dialect;
  dialect.schema = migrations::Dialect::Sqlite;
  dialect.beginWrite = "BEGIN IMMEDIATE";
  dialect.skipLocked = "";      // BEGIN IMMEDIATE already keeps other writers out
  dialect.lockMigrations = "";  // likewise
  dialect.numberedParameters = false;
  return dialect;
}

void registerConnector() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

Poco::Data::Session connect(const Options& options) {
  Poco::Data::Session session("SQLite", options.path);
  // First, so that even switching a new database to WAL waits for a concurrent opener.
  session << "PRAGMA busy_timeout = " + std::to_string(options.busyTimeout.count()), now;
  std::string mode;
  session << "PRAGMA journal_mode = WAL", into(mode), now;
  if (mode != "wal") {
    throw Poco::Data::DataException("The database " + options.path +
                                    " cannot run in WAL mode (journal mode is \"" + mode +
                                    "\"). Keep it on a local disk.");
  }
  session << "PRAGMA foreign_keys = ON", now;
  session << "PRAGMA synchronous = FULL", now;
  return session;
}

}  // namespace

std::unique_ptr<Store> open(const Options& options) {
  registerConnector();
  sql::Backend backend;
  backend.dialect = sqliteDialect();
  backend.connect = [options] { return connect(options); };
  backend.connections = options.connections;
  backend.serializeWriters = true;
  auto store = sql::openStore(std::move(backend));
  if (options.migrate) {
    store->migrate(
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  }
  return store;
}

}  // namespace mkrp::store::sqlite
