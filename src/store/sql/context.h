// How the SQL repositories reach the database: on a pooled connection per call, or on the one
// connection of the transaction they belong to. Internal to store/sql.
#pragma once

#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

#include "store/sql/connection.h"

namespace mkrp::store::sql {

// What every view of one database shares.
struct Shared {
  Shared(Dialect dialect_, std::function<Poco::Data::Session()> connect, std::size_t connections,
         bool serializeWriters_)
      : dialect(std::move(dialect_)),
        pool(std::move(connect), dialect, connections),
        serializeWriters(serializeWriters_) {}

  const Dialect dialect;
  ConnectionPool pool;
  // Writers in this process take turns here rather than in the database's lock (SQLite: the
  // database would make them sleep and poll; this wakes the next one at once).
  const bool serializeWriters;
  std::mutex writers;
};

// A write transaction on a pooled connection: begun on construction, rolled back on destruction
// unless committed.
class WriteTransaction {
 public:
  // Throws Poco::IllegalStateException when the thread is already inside a write transaction of
  // the same database: that write would wait for itself.
  explicit WriteTransaction(Shared& shared);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  Connection& connection() { return *loan_; }
  void commit();

 private:
  Shared& shared_;
  ConnectionPool::Loan loan_;
  std::unique_lock<std::mutex> writers_;
  bool open_ = false;
};

class Context {
 public:
  // A context that borrows a connection for each call.
  explicit Context(Shared& shared) : shared_(shared) {}
  // A context inside the transaction running on `transaction`.
  Context(Shared& shared, Connection& transaction) : shared_(shared), tx_(&transaction) {}

  // Runs work(Connection&) for reading.
  template <typename Work>
  auto read(Work&& work) -> decltype(work(std::declval<Connection&>())) {
    if (tx_ != nullptr) return work(*tx_);
    auto loan = shared_.pool.acquire();
    return work(*loan);
  }

  // Runs work(Connection&) inside a write transaction: its own, or the one this context is in.
  template <typename Work>
  auto write(Work&& work) -> decltype(work(std::declval<Connection&>())) {
    if (tx_ != nullptr) return work(*tx_);
    WriteTransaction tx(shared_);
    if constexpr (std::is_void_v<decltype(work(tx.connection()))>) {
      work(tx.connection());
      tx.commit();
    } else {
      auto result = work(tx.connection());
      tx.commit();
      return result;
    }
  }

  Shared& shared() { return shared_; }
  Connection* transaction() { return tx_; }

 private:
  Shared& shared_;
  Connection* tx_ = nullptr;
};

}  // namespace mkrp::store::sql
