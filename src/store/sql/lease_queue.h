// The leasing both queues share (jobs, and the notification outbox). Internal to store/sql.
#pragma once

#include <string_view>

#include "store/sql/connection.h"

namespace mkrp::store::sql {

// How a queue table spells its states and columns.
struct LeaseTable {
  std::string_view table;      // e.g. "jobs"
  std::string_view waiting;    // the state of rows waiting to run, e.g. "queued"
  std::string_view leased;     // the state of rows being worked on, e.g. "leased"
  std::string_view failed;     // the state of rows that failed for good
  std::string_view dueColumn;  // rows wait until this time, e.g. "run_after"
  std::string_view columns;    // what claim and reap return
};

// Leases the first row matching `pick` (a condition taking two parameters: the state and now)
// to `owner` until `leaseUntil`, counting the attempt. Returns it, or no row.
Poco::Data::RecordSet leaseFirst(Connection& c, const LeaseTable& t, std::string_view pick,
                                 std::string_view state, std::string_view owner, TimePoint now,
                                 TimePoint leaseUntil);

// Leases one row to `owner` until `leaseUntil` and counts the attempt: the oldest row whose lease
// ran out if any, otherwise the oldest waiting row that is due. Returns it read with `read`.
// REQUIRES: inside a write transaction.
template <typename Read>
auto claimNext(Connection& c, const LeaseTable& t, std::string_view owner, TimePoint now,
               TimePoint leaseUntil, Read read) {
  // (Mapped at once: Poco 1.11's RecordSet must not be moved, its move constructor double-frees.)
  if (auto row = mapFirst(
          leaseFirst(c, t, "state = ? AND lease_expires_at <= ?", t.leased, owner, now, leaseUntil),
          read)) {
    return row;
  }
  return mapFirst(
      leaseFirst(c, t, std::string("state = ? AND ") + std::string(t.dueColumn) + " <= ?",
                 t.waiting, owner, now, leaseUntil),
      read);
}

// Whether claimNext could find a row at `now`: a cheap read, so that idle workers polling the
// queue do not take the write lock for nothing.
bool hasDue(Connection& c, const LeaseTable& t, TimePoint now);

// Fails, with `error`, the rows whose lease ran out after their last allowed attempt (their
// worker died each time). Returns them. REQUIRES: inside a write transaction.
Poco::Data::RecordSet reapExhausted(Connection& c, const LeaseTable& t, TimePoint now,
                                    int maxAttempts, std::string_view error);

// The SQL condition that `lease` still holds: same row, still leased, same owner and attempt.
// Takes four parameters: id, leased state, owner, attempt.
std::string leaseHolds();

}  // namespace mkrp::store::sql
