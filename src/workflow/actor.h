// Who is asking. Every use case takes the Actor and decides from it what the person may see and do.
#pragma once

#include <optional>

#include "store/records.h"

namespace mkrp::workflow {

struct Actor {
  store::Id userId = 0;
  store::Role role = store::Role::Agency;
  std::optional<store::Id> agencyId;  // set for agency staff: the one agency they act for
};

}  // namespace mkrp::workflow
