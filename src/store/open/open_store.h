// The store a database URL names: `sqlite:PATH` or `postgresql://user[:password]@host[:port]/db`.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace mkrp::store {

// The URL used when none is given: sqlite:<dataDir>/mkrp.db.
std::string defaultDatabaseUrl(const std::string& dataDir);

// Opens the store `url` names; an empty url means defaultDatabaseUrl(dataDir). A relative
// SQLite path is taken from the current directory. Applies the pending migrations when `migrate`.
// Throws Poco::InvalidArgumentException for a URL of another kind or a malformed one, and
// whatever the backend's open throws (Poco::Data::DataException when the database cannot be
// reached or used).
std::unique_ptr<Store> openStore(std::string_view url, const std::string& dataDir,
                                 bool migrate = true);

}  // namespace mkrp::store
