#include "store/postgres/postgres_store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Exception.h>
#include <Poco/URI.h>
#include <libpq-fe.h>

#include <mutex>

#include "store/sql/sql_store.h"

namespace mkrp::store::postgres {
namespace {

using Poco::Data::Keywords::now;

// The key of the advisory lock concurrent migrators take turns on ("mkrp" in ASCII).
constexpr std::int64_t kMigrationLock = 0x6d6b7270;

sql::Dialect postgresDialect() {
  sql::Dialect dialect;
  dialect.schema = migrations::Dialect::Postgresql;
  dialect.beginWrite = "BEGIN";
  dialect.skipLocked = " FOR UPDATE SKIP LOCKED";
  // Released with the migration's transaction, so a crashed migrator never leaves it held.
  dialect.lockMigrations = "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")";
  dialect.numberedParameters = true;
  return dialect;
}

// Error messages that carry the SQLSTATE ("ERROR:  23505: ..."), so that sql::throwIfCollision
// can tell two writers colliding from a failing database in any server language.
void askForErrorCodes(Poco::Data::Session& session) {
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  if (impl != nullptr) PQsetErrorVerbosity(impl->handle(), PQERRORS_VERBOSE);
}

void registerConnector() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
}

[[noreturn]] void badUrl(std::string_view url, const std::string& why) {
  throw Poco::InvalidArgumentException(
      "The database address \"" + std::string(url) + "\" " + why +
      ". Write it as postgresql://user:password@host:port/dbname.");
}

// `value` as a libpq connection-string value: quoted, with ' and \ escaped.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string decoded(const std::string& text) {
  std::string out;
  Poco::URI::decode(text, out);
  return out;
}

}  // namespace

std::string connectionString(std::string_view url, std::chrono::seconds connectTimeout) {
  Poco::URI uri;
  try {
    uri = Poco::URI(std::string(url));
  } catch (const Poco::SyntaxException&) {
    badUrl(url, "cannot be read");
  }
  if (uri.getScheme() != "postgresql" && uri.getScheme() != "postgres") {
    badUrl(url, "does not start with postgresql://");
  }
  if (uri.getHost().empty()) badUrl(url, "names no server");
  std::string database = uri.getPath();
  if (!database.empty() && database.front() == '/') database.erase(0, 1);
  if (database.empty() || database.find('/') != std::string::npos) {
    badUrl(url, "names no database");
  }
  // Poco 1.11 keeps the user information as written; split it before decoding, since an encoded
  // colon (%3A) belongs to the password.
  const std::string& userInfo = uri.getUserInfo();
  const auto colon = userInfo.find(':');
  const std::string user = decoded(userInfo.substr(0, colon));
  if (user.empty()) badUrl(url, "names no user");

  std::string out = "host=" + quoted(uri.getHost());
  // Poco::URI fills in no default port for this scheme; 0 means none was written.
  out += " port=" + std::to_string(uri.getPort() == 0 ? 5432 : uri.getPort());
  out += " dbname=" + quoted(database);
  out += " user=" + quoted(user);
  if (colon != std::string::npos) {
    out += " password=" + quoted(decoded(userInfo.substr(colon + 1)));
  }
  out += " connect_timeout=" + std::to_string(connectTimeout.count());
  return out;
}

std::unique_ptr<Store> open(const Options& options) {
  const std::string connection = connectionString(options.url, options.connectTimeout);
  registerConnector();
  sql::Backend backend;
  backend.dialect = postgresDialect();
  backend.connect = [connection] {
    Poco::Data::Session session("PostgreSQL", connection);
    askForErrorCodes(session);
    // Notices (e.g. "relation already exists, skipping") are not worth a line in the log.
    session << "SET client_min_messages = warning", now;
    return session;
  };
  backend.connections = options.connections;
  backend.serializeWriters = false;
  auto store = sql::openStore(std::move(backend));
  if (options.migrate) {
    store->migrate(
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  }
  return store;
}

}  // namespace mkrp::store::postgres
