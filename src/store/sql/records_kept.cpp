// The audit log and the notification outbox (memberships: memberships.cpp).
#include <Poco/Exception.h>

#include "store/sql/lease_queue.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

constexpr std::string_view kAuditColumns =
    "id, at, actor_id, action, entity_type, entity_id, details_json";
constexpr std::string_view kOutboxColumns =
    "id, recipient, subject, body, dedupe_key, state, attempts, next_attempt_at, lease_owner, "
    "lease_expires_at, last_error, created_at, finished_at";

const LeaseTable kOutboxTable{"outbox", "pending",         "sending",
                              "failed", "next_attempt_at", kOutboxColumns};

std::string sql(std::string_view head, std::string_view columns, std::string_view tail = "") {
  return std::string(head) + std::string(columns) + std::string(tail);
}

AuditEntry readAudit(const Row& row) {
  AuditEntry e;
  e.id = row.int64("id");
  e.at = row.time("at");
  e.actorId = row.optionalInt64("actor_id");
  e.action = row.text("action");
  e.entityType = row.text("entity_type");
  e.entityId = row.optionalInt64("entity_id");
  e.detailsJson = row.text("details_json");
  return e;
}

OutboxMessage readOutbox(const Row& row) {
  OutboxMessage m;
  m.id = row.int64("id");
  m.recipient = row.text("recipient");
  m.subject = row.text("subject");
  m.body = row.text("body");
  m.dedupeKey = row.text("dedupe_key");
  m.state = parseOutboxState(row.text("state"));
  m.attempts = row.integer("attempts");
  m.nextAttemptAt = row.time("next_attempt_at");
  m.leaseOwner = row.text("lease_owner");
  m.leaseExpiresAt = row.optionalTime("lease_expires_at");
  m.lastError = row.text("last_error");
  m.createdAt = row.time("created_at");
  m.finishedAt = row.optionalTime("finished_at");
  return m;
}

// NULL for an empty key, so that messages without a key never collide.
std::optional<std::string> keyOrNull(const std::string& key) {
  if (key.empty()) return std::nullopt;
  return key;
}

}  // namespace

Id SqlAudit::append(const AuditEntry& e) {
  return context_.write([&](Connection& c) {
    return Row(c.query("INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, "
                       "details_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                       e.at, e.actorId, e.action, e.entityType, e.entityId,
                       e.detailsJson.empty() ? std::string("{}") : e.detailsJson),
               0)
        .int64("id");
  });
}

std::vector<AuditEntry> SqlAudit::forEntity(std::string_view entityType, Id entityId) {
  return context_.read([&](Connection& c) {
    return mapRows(c.query(sql("SELECT ", kAuditColumns,
                               " FROM audit_log WHERE entity_type = ? AND entity_id = ? "
                               "ORDER BY id"),
                           entityType, entityId),
                   readAudit);
  });
}

std::vector<AuditEntry> SqlAudit::recent(int limit, std::optional<Id> beforeId) {
  return context_.read([&](Connection& c) {
    const std::string head = sql("SELECT ", kAuditColumns, " FROM audit_log");
    if (beforeId) {
      return mapRows(c.query(head + " WHERE id < ? ORDER BY id DESC LIMIT ?", *beforeId, limit),
                     readAudit);
    }
    return mapRows(c.query(head + " ORDER BY id DESC LIMIT ?", limit), readAudit);
  });
}

std::optional<Id> SqlOutbox::enqueue(const OutboxMessage& m, TimePoint now) {
  return context_.write([&](Connection& c) -> std::optional<Id> {
    const auto inserted = c.query(
        "INSERT INTO outbox (recipient, subject, body, dedupe_key, state, attempts, "
        "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING "
        "RETURNING id",
        m.recipient, m.subject, m.body, keyOrNull(m.dedupeKey), OutboxState::Pending, now, now);
    if (inserted.rowCount() == 0) return std::nullopt;
    return Row(inserted, 0).int64("id");
  });
}

std::optional<OutboxMessage> SqlOutbox::claim(std::string_view owner, TimePoint now,
                                              const JobPolicy& policy) {
  if (!context_.read([&](Connection& c) { return hasDue(c, kOutboxTable, now); })) return {};
  return context_.write([&](Connection& c) {
    reapExhausted(c, kOutboxTable, now, policy.maxAttempts,
                  "delivery stopped before finishing, on every attempt");
    return claimNext(c, kOutboxTable, owner, now, now + policy.lease, readOutbox);
  });
}

bool SqlOutbox::markSent(Id id, std::string_view owner, int attempt, TimePoint now) {
  return context_.write([&](Connection& c) {
    return c.execute(
               "UPDATE outbox SET state = ?, lease_expires_at = NULL, finished_at = ? "
               "WHERE " +
                   leaseHolds(),
               OutboxState::Sent, now, id, OutboxState::Sending, owner, attempt) > 0;
  });
}

FailOutcome SqlOutbox::markFailed(Id id, std::string_view owner, int attempt,
                                  std::string_view error, TimePoint now, const JobPolicy& policy) {
  return context_.write([&](Connection& c) {
    if (attempt < policy.maxAttempts) {
      const auto changed = c.execute(
          "UPDATE outbox SET state = ?, lease_owner = NULL, lease_expires_at = NULL, "
          "next_attempt_at = ?, last_error = ? WHERE " +
              leaseHolds(),
          OutboxState::Pending, now + backoffDelay(policy, attempt), error, id,
          OutboxState::Sending, owner, attempt);
      return changed > 0 ? FailOutcome::Retrying : FailOutcome::LeaseLost;
    }
    const auto changed = c.execute(
        "UPDATE outbox SET state = ?, lease_expires_at = NULL, last_error = ?, finished_at = ? "
        "WHERE " +
            leaseHolds(),
        OutboxState::Failed, error, now, id, OutboxState::Sending, owner, attempt);
    return changed > 0 ? FailOutcome::Failed : FailOutcome::LeaseLost;
  });
}

std::optional<OutboxMessage> SqlOutbox::find(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kOutboxColumns, " FROM outbox WHERE id = ?"), id),
                    readOutbox);
  });
}

}  // namespace mkrp::store::sql
