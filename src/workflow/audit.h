// Internal: writing audit entries and their small JSON details.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace mkrp::workflow::detail {

// Builds a flat JSON object of string and number fields, in the order they are added.
class Details {
 public:
  Details& add(std::string_view key, std::string_view value);
  Details& add(std::string_view key, long long value);
  std::string json() const { return body_.empty() ? "{}" : "{" + body_ + "}"; }

 private:
  void appendKey(std::string_view key);
  std::string body_;
};

// Appends one entry to the audit log of `tx` (call it inside the transaction of the change).
void audit(store::Store& tx, store::TimePoint at, std::optional<store::Id> actorId,
           std::string_view action, std::string_view entityType, store::Id entityId,
           const Details& details = {});

}  // namespace mkrp::workflow::detail
