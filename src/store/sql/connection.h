// Connections to a SQL database through Poco::Data, shared by the SQL backends (store/sqlite,
// later store/postgres). Internal to the store: the workflow never sees this header.
#pragma once

#include <Poco/Data/Binding.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/migrations.h"
#include "store/records.h"

namespace mkrp::store::sql {

// Everything that differs between the SQL databases the store runs on, in one place (with the
// schema placeholders in migrations.h). Every statement is written once, with `?` parameters.
struct Dialect {
  migrations::Dialect schema = migrations::Dialect::Sqlite;
  // Starts a transaction that will write. SQLite: "BEGIN IMMEDIATE", so that the write lock is
  // taken at the start and waited for there (a deferred transaction that reads first and then
  // writes could fail under contention instead of waiting).
  std::string beginWrite = "BEGIN IMMEDIATE";
  // Appended to the SELECT that picks the next row to claim. PostgreSQL: " FOR UPDATE SKIP
  // LOCKED", so concurrent claimers pass over each other's rows; SQLite: nothing, its write
  // transaction already excludes other writers.
  std::string skipLocked;
  // Run first in the migration transaction to keep concurrent migrators apart; empty for none.
  std::string lockMigrations;
  // PostgreSQL numbers its parameters ($1, $2, ...); SQLite takes `?` as written.
  bool numberedParameters = false;
};

// `sql` with each `?` outside quotes and comments replaced by $1, $2, ...
std::string numberParameters(std::string_view sql);

// Throws core::ConflictException (with `error` nested) when `error` is two writers colliding in a
// way no statement foresaw: a unique key written by both (PostgreSQL SQLSTATE 23505, SQLite
// "UNIQUE constraint failed"), a deadlock (40P01) or a serialization failure (40001). The
// PostgreSQL codes are found because store/postgres asks libpq for verbose error messages.
// Returns otherwise, so the caller rethrows `error` as it is.
void throwIfCollision(const Poco::Data::DataException& error);

using Params = std::vector<Poco::Data::AbstractBinding::Ptr>;

// Statement parameters from the store's value types. Each copies its value.
Poco::Data::AbstractBinding::Ptr param(std::int64_t value);
Poco::Data::AbstractBinding::Ptr param(int value);
Poco::Data::AbstractBinding::Ptr param(std::string_view value);
Poco::Data::AbstractBinding::Ptr param(const std::string& value);
Poco::Data::AbstractBinding::Ptr param(const char* value);
Poco::Data::AbstractBinding::Ptr param(TimePoint value);
Poco::Data::AbstractBinding::Ptr param(const std::optional<std::int64_t>& value);
Poco::Data::AbstractBinding::Ptr param(const std::optional<TimePoint>& value);
Poco::Data::AbstractBinding::Ptr param(const std::optional<std::string>& value);
// An enum, in its records.h spelling.
template <typename E>
requires std::is_enum_v<E> Poco::Data::AbstractBinding::Ptr param(E value) {
  return param(toString(value));
}

std::int64_t toMillis(TimePoint time);
TimePoint fromMillis(std::int64_t millis);

// One database connection. Used by one thread at a time.
class Connection {
 public:
  Connection(Poco::Data::Session session, const Dialect& dialect);

  // Runs a statement that returns rows (SELECT, or a write with RETURNING). Never move the
  // result: Poco 1.11's RecordSet move constructor frees its iterators twice. Read it with
  // mapRows/mapFirst where it is made (a returned prvalue is fine).
  Poco::Data::RecordSet query(std::string_view sql, const Params& params);
  template <typename... Args>
  Poco::Data::RecordSet query(std::string_view sql, const Args&... args) {
    return query(sql, Params{param(args)...});
  }
  // Runs a statement that returns no rows; returns how many rows it changed.
  std::size_t execute(std::string_view sql, const Params& params);
  template <typename... Args>
  std::size_t execute(std::string_view sql, const Args&... args) {
    return execute(sql, Params{param(args)...});
  }

  Poco::Data::Session& session() { return session_; }
  const Dialect& dialect() const { return dialect_; }

 private:
  Poco::Data::Statement prepare(std::string_view sql, const Params& params);

  Poco::Data::Session session_;
  const Dialect& dialect_;
};

// Reads the columns of one row of a result by name.
class Row {
 public:
  Row(const Poco::Data::RecordSet& result, std::size_t row) : result_(result), row_(row) {}

  bool isNull(const std::string& column) const;
  std::int64_t int64(const std::string& column) const;  // REQUIRES: not NULL
  int integer(const std::string& column) const;         // REQUIRES: not NULL
  std::string text(const std::string& column) const;    // NULL reads as ""
  std::optional<std::int64_t> optionalInt64(const std::string& column) const;
  TimePoint time(const std::string& column) const;  // REQUIRES: not NULL
  std::optional<TimePoint> optionalTime(const std::string& column) const;

 private:
  std::size_t position(const std::string& column) const;

  const Poco::Data::RecordSet& result_;
  std::size_t row_;
};

// Maps every row of `result` with `read(const Row&)`.
template <typename Read>
auto mapRows(const Poco::Data::RecordSet& result, Read read) {
  std::vector<decltype(read(std::declval<const Row&>()))> out;
  out.reserve(result.rowCount());
  for (std::size_t i = 0; i < result.rowCount(); ++i) out.push_back(read(Row(result, i)));
  return out;
}

// Maps the first row of `result`, if there is one.
template <typename Read>
auto mapFirst(const Poco::Data::RecordSet& result, Read read)
    -> std::optional<decltype(read(std::declval<const Row&>()))> {
  if (result.rowCount() == 0) return std::nullopt;
  return read(Row(result, 0));
}

// A fixed number of connections shared by threads. Connections are opened when first needed.
class ConnectionPool {
 public:
  // `open` makes a new, fully configured session. Thread-safe.
  ConnectionPool(std::function<Poco::Data::Session()> open, const Dialect& dialect,
                 std::size_t size);

  // A connection on loan; goes back to the pool when destroyed.
  class Loan {
   public:
    Loan(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Loan(Loan&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
    Loan& operator=(Loan&&) = delete;
    ~Loan();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }
    // Closes the connection instead of returning it (its state is unknown after an error).
    void discard() { connection_.reset(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Waits until a connection is free.
  Loan acquire();

 private:
  void giveBack(std::unique_ptr<Connection> connection);

  std::function<Poco::Data::Session()> open_;
  const Dialect& dialect_;
  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t opened_ = 0;
};

}  // namespace mkrp::store::sql
