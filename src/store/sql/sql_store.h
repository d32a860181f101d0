// The Store over any SQL database Poco::Data connects to. A backend (store/sqlite, later
// store/postgres) supplies the connections and the dialect; all statements live here, once.
#pragma once

#include <Poco/Data/Session.h>

#include <cstddef>
#include <functional>
#include <memory>

#include "store/sql/connection.h"
#include "store/store.h"

namespace mkrp::store::sql {

struct Backend {
  Dialect dialect;
  // Opens a new session, configured for use (pragmas, time zone, ...). Called from any thread.
  std::function<Poco::Data::Session()> connect;
  // Connections kept open; callers beyond that wait for one to come free.
  std::size_t connections = 8;
  // Make this process's writers queue in memory before they ask the database for its lock.
  bool serializeWriters = false;
};

// A Store on `backend`. Opens no connection yet and applies no migration (call migrate()).
std::unique_ptr<Store> openStore(Backend backend);

}  // namespace mkrp::store::sql
