#include "workflow/audit.h"

#include "core/json_writer.h"

namespace mkrp::workflow::detail {

void Details::appendKey(std::string_view key) {
  if (!body_.empty()) body_ += ',';
  core::appendJsonString(body_, key);
  body_ += ':';
}

Details& Details::add(std::string_view key, std::string_view value) {
  appendKey(key);
  core::appendJsonString(body_, value);
  return *this;
}

Details& Details::add(std::string_view key, long long value) {
  appendKey(key);
  body_ += std::to_string(value);
  return *this;
}

void audit(store::Store& tx, store::TimePoint at, std::optional<store::Id> actorId,
           std::string_view action, std::string_view entityType, store::Id entityId,
           const Details& details) {
  store::AuditEntry entry;
  entry.at = at;
  entry.actorId = actorId;
  entry.action = action;
  entry.entityType = entityType;
  entry.entityId = entityId;
  entry.detailsJson = details.json();
  tx.audit().append(entry);
}

}  // namespace mkrp::workflow::detail
