// The store on an embedded SQLite database: the default, for one machine.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "store/store.h"

namespace mkrp::store::sqlite {

struct Options {
  // The database file; created (with its schema) when missing. Must be on a local disk: SQLite's
  // WAL mode does not work over a network file system.
  std::string path;
  // Connections kept open. Readers run in parallel; writers take turns.
  std::size_t connections = 4;
  // How long a writer waits for another process's write to finish before giving up.
  std::chrono::milliseconds busyTimeout{std::chrono::seconds(10)};
  // Apply the migrations not applied yet when opening.
  bool migrate = true;
};

// Opens the database at options.path. Every connection runs in WAL mode (readers never wait
// for the writer) with foreign keys enforced, `busyTimeout`, and synchronous=FULL: each commit
// is fsynced before it returns, so an acknowledged upload or decision survives a power cut,
// not only a crash of the process (NORMAL would survive the crash but could lose the last
// commits to a power cut). Applies the migrations when options.migrate is set, stamped with the
// system clock.
// Throws Poco::Data::DataException when the file cannot be opened or is not a database we can
// use. The Store is safe to use from many threads and alongside other processes.
std::unique_ptr<Store> open(const Options& options);

}  // namespace mkrp::store::sqlite
