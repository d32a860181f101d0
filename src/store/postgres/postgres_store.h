// The store on a PostgreSQL server: for several instances of the service sharing one database.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace mkrp::store::postgres {

struct Options {
  // postgresql://user[:password]@host[:port]/dbname (postgres:// is accepted too). User and
  // password may be percent-encoded.
  std::string url;
  // Connections kept open by this process. Readers and writers all run in parallel.
  std::size_t connections = 8;
  // How long to wait for the server to accept a connection.
  std::chrono::seconds connectTimeout{10};
  // Apply the migrations not applied yet when opening.
  bool migrate = true;
};

// The libpq connection string for `url` ("host=... port=... dbname=... user=... password=...",
// each value quoted), with connect_timeout from `connectTimeout`.
// Throws Poco::InvalidArgumentException when `url` is not of the form above.
std::string connectionString(std::string_view url, std::chrono::seconds connectTimeout);

// Opens the database named by options.url. Each connection runs in READ COMMITTED with
// client_min_messages=warning; jobs are claimed with FOR UPDATE SKIP LOCKED, and concurrent
// migrators (several instances starting at once) take turns on an advisory lock. Applies the
// migrations when options.migrate is set, stamped with the system clock.
// Throws Poco::InvalidArgumentException for a malformed URL, Poco::Data::DataException when the
// server cannot be reached or refuses the login. The Store is safe to use from many threads and
// alongside other processes.
std::unique_ptr<Store> open(const Options& options);

}  // namespace mkrp::store::postgres
