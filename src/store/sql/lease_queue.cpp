#include "store/sql/lease_queue.h"

namespace mkrp::store::sql {
namespace {

std::string text(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto part : parts) out.append(part);
  return out;
}

}  // namespace

Poco::Data::RecordSet leaseFirst(Connection& c, const LeaseTable& t, std::string_view pick,
                                 std::string_view state, std::string_view owner, TimePoint now,
                                 TimePoint leaseUntil) {
  const std::string statement =
      text({"UPDATE ", t.table,
            " SET state = ?, lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1 "
            "WHERE id = (SELECT id FROM ",
            t.table, " WHERE ", pick, " ORDER BY id LIMIT 1", c.dialect().skipLocked,
            ") RETURNING ", t.columns});
  return c.query(statement, t.leased, owner, leaseUntil, state, now);
}

bool hasDue(Connection& c, const LeaseTable& t, TimePoint now) {
  const std::string expired =
      text({"SELECT id FROM ", t.table, " WHERE state = ? AND lease_expires_at <= ? LIMIT 1"});
  const std::string waiting =
      text({"SELECT id FROM ", t.table, " WHERE state = ? AND ", t.dueColumn, " <= ? LIMIT 1"});
  return c.query(expired, t.leased, now).rowCount() > 0 ||
         c.query(waiting, t.waiting, now).rowCount() > 0;
}

Poco::Data::RecordSet reapExhausted(Connection& c, const LeaseTable& t, TimePoint now,
                                    int maxAttempts, std::string_view error) {
  const std::string statement =
      text({"UPDATE ", t.table,
            " SET state = ?, lease_expires_at = NULL, last_error = ?, finished_at = ? "
            "WHERE state = ? AND lease_expires_at <= ? AND attempts >= ? RETURNING ",
            t.columns});
  return c.query(statement, t.failed, error, now, t.leased, now, maxAttempts);
}

std::string leaseHolds() { return "id = ? AND state = ? AND lease_owner = ? AND attempts = ?"; }

}  // namespace mkrp::store::sql
