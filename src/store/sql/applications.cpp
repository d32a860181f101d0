// Applications, the reviewers' queue, claims and item decisions.
#include <Poco/Exception.h>

#include <algorithm>

#include "core/errors.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

constexpr std::string_view kApplicationColumns =
    "id, agency_id, type, status, round, created_at, updated_at, submitted_at, decided_at, "
    "assignee_id, claimed_at, reviewer_message";
constexpr std::string_view kDecisionColumns =
    "application_id, round, item_id, decision, comment, reviewer_id, overridden_status, "
    "decided_at";

std::string sql(std::string_view head, std::string_view columns, std::string_view tail = "") {
  return std::string(head) + std::string(columns) + std::string(tail);
}

Application readApplication(const Row& row) {
  Application a;
  a.id = row.int64("id");
  a.agencyId = row.int64("agency_id");
  a.type = parseApplicationType(row.text("type"));
  a.status = parseApplicationStatus(row.text("status"));
  a.round = row.integer("round");
  a.createdAt = row.time("created_at");
  a.updatedAt = row.time("updated_at");
  a.submittedAt = row.optionalTime("submitted_at");
  a.decidedAt = row.optionalTime("decided_at");
  a.assigneeId = row.optionalInt64("assignee_id");
  a.claimedAt = row.optionalTime("claimed_at");
  a.reviewerMessage = row.text("reviewer_message");
  return a;
}

ItemDecision readDecision(const Row& row) {
  ItemDecision d;
  d.applicationId = row.int64("application_id");
  d.round = row.integer("round");
  d.itemId = row.text("item_id");
  d.decision = parseDecision(row.text("decision"));
  d.comment = row.text("comment");
  d.reviewerId = row.int64("reviewer_id");
  d.overriddenStatus = row.text("overridden_status");
  d.decidedAt = row.time("decided_at");
  return d;
}

QueueEntry readQueueEntry(const Row& row) {
  QueueEntry e;
  e.applicationId = row.int64("id");
  e.agencyId = row.int64("agency_id");
  e.agencyName = row.text("agency_name");
  e.kind = parseAgencyKind(row.text("kind"));
  e.state = row.text("state");
  e.type = parseApplicationType(row.text("type"));
  e.status = parseApplicationStatus(row.text("status"));
  e.round = row.integer("round");
  e.submittedAt = row.time("submitted_at");
  e.assigneeId = row.optionalInt64("assignee_id");
  e.assigneeEmail = row.text("assignee_email");
  return e;
}

std::string number(Id id) { return std::to_string(id); }

core::NotFoundException noApplication(Id id) {
  return core::NotFoundException("There is no application with id " + number(id) + ".");
}

std::optional<Application> findIn(Connection& c, Id id) {
  return mapFirst(
      c.query(sql("SELECT ", kApplicationColumns, " FROM applications WHERE id = ?"), id),
      readApplication);
}

// Why a claim of `id` by `reviewerId` matched no row.
[[noreturn]] void refuseClaim(Connection& c, Id id) {
  const auto current = findIn(c, id);
  if (!current) throw noApplication(id);
  if (current->status != ApplicationStatus::Submitted &&
      current->status != ApplicationStatus::InReview) {
    throw core::ConflictException("Application " + number(id) +
                                  " is not waiting for review (it is " +
                                  std::string(toString(current->status)) + ").");
  }
  throw core::ConflictException("Application " + number(id) +
                                " has been claimed by another reviewer. Pick another one from "
                                "the queue.");
}

// The FROM and WHERE clauses of a queue query and their parameters.
struct Filter {
  std::string from = " FROM applications a";
  std::string where;
  Params params;

  void add(std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  }
  void add(std::string_view condition, Poco::Data::AbstractBinding::Ptr value) {
    add(condition);
    params.push_back(std::move(value));
  }
};

// `a.status IN ('submitted', 'in_review')`: literals (our own enum names, never user text) in
// enum order, so that the default queue matches the partial index applications_waiting.
std::string statusCondition(std::vector<ApplicationStatus> statuses) {
  std::sort(statuses.begin(), statuses.end());
  statuses.erase(std::unique(statuses.begin(), statuses.end()), statuses.end());
  std::string in = "a.status IN (";
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    if (i > 0) in += ", ";
    in += "'" + std::string(toString(statuses[i])) + "'";
  }
  return in + ")";
}

Filter queueFilter(const QueueQuery& q) {
  Filter filter;
  if (q.kind || q.state) filter.from += " JOIN agencies g ON g.id = a.agency_id";
  if (!q.statuses.empty()) filter.add(statusCondition(q.statuses));
  if (q.kind) filter.add("g.kind = ?", param(*q.kind));
  if (q.state) filter.add("g.state = ?", param(*q.state));
  if (q.type) filter.add("a.type = ?", param(*q.type));
  if (q.round) filter.add("a.round = ?", param(*q.round));
  if (q.assigneeId) filter.add("a.assignee_id = ?", param(*q.assigneeId));
  if (q.unassignedOnly) filter.add("a.assignee_id IS NULL");
  filter.add("a.submitted_at IS NOT NULL");
  return filter;
}

}  // namespace

Application SqlApplications::create(Id agencyId, ApplicationType type, TimePoint now) {
  return context_.write([&](Connection& c) {
    if (c.query("SELECT id FROM agencies WHERE id = ?", agencyId).rowCount() == 0) {
      throw core::NotFoundException("There is no agency with id " + number(agencyId) + ".");
    }
    auto created = mapFirst(
        c.query(sql("INSERT INTO applications (agency_id, type, status, round, created_at, "
                    "updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING RETURNING ",
                    kApplicationColumns),
                agencyId, type, ApplicationStatus::Draft, now, now),
        readApplication);
    if (!created) {
      throw core::ConflictException(
          "This agency has an open application already. Continue with that one, or withdraw "
          "it before starting another.");
    }
    return std::move(*created);
  });
}

std::optional<Application> SqlApplications::find(Id id) {
  return context_.read([&](Connection& c) { return findIn(c, id); });
}

Application SqlApplications::get(Id id) {
  if (auto application = find(id)) return std::move(*application);
  throw noApplication(id);
}

std::optional<Application> SqlApplications::openForAgency(Id agencyId) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kApplicationColumns,
                                " FROM applications WHERE agency_id = ? AND status IN "
                                "('draft', 'submitted', 'in_review', 'returned')"),
                            agencyId),
                    readApplication);
  });
}

std::vector<Application> SqlApplications::listForAgency(Id agencyId) {
  return context_.read([&](Connection& c) {
    return mapRows(c.query(sql("SELECT ", kApplicationColumns,
                               " FROM applications WHERE agency_id = ? ORDER BY id DESC"),
                           agencyId),
                   readApplication);
  });
}

Application SqlApplications::changeStatus(Id id, const StatusChange& change) {
  std::string statement = "UPDATE applications SET status = ?, updated_at = ?";
  Params params{param(change.to), param(change.at)};
  if (change.to == ApplicationStatus::Submitted) {
    statement += ", submitted_at = ?";
    params.push_back(param(change.at));
  }
  if (change.to == ApplicationStatus::Returned || change.to == ApplicationStatus::Approved) {
    statement += ", decided_at = ?";
    params.push_back(param(change.at));
  }
  if (change.newRound) statement += ", round = round + 1";
  if (change.releaseClaim) statement += ", assignee_id = NULL, claimed_at = NULL";
  if (change.reviewerMessage) {
    statement += ", reviewer_message = ?";
    params.push_back(param(*change.reviewerMessage));
  }
  statement += sql(" WHERE id = ? AND status = ? RETURNING ", kApplicationColumns);
  params.push_back(param(id));
  params.push_back(param(change.from));
  return context_.write([&](Connection& c) {
    if (auto changed = mapFirst(c.query(statement, params), readApplication)) {
      return std::move(*changed);
    }
    const auto current = findIn(c, id);
    if (!current) throw noApplication(id);
    throw core::ConflictException(
        "Application " + number(id) + " has changed in the meantime: it is " +
        std::string(toString(current->status)) + " now, not " + std::string(toString(change.from)) +
        ". Reload the page to see the current state.");
  });
}

Application SqlApplications::claim(Id id, Id reviewerId, TimePoint now) {
  return context_.write([&](Connection& c) {
    auto claimed = mapFirst(
        c.query(sql("UPDATE applications SET assignee_id = ?, claimed_at = COALESCE(claimed_at, "
                    "?), updated_at = ? WHERE id = ? AND status IN (?, ?) AND (assignee_id IS "
                    "NULL OR assignee_id = ?) RETURNING ",
                    kApplicationColumns),
                reviewerId, now, now, id, ApplicationStatus::Submitted, ApplicationStatus::InReview,
                reviewerId),
        readApplication);
    if (!claimed) refuseClaim(c, id);
    return std::move(*claimed);
  });
}

Application SqlApplications::release(Id id, Id reviewerId, TimePoint now) {
  return context_.write([&](Connection& c) {
    auto released =
        mapFirst(c.query(sql("UPDATE applications SET assignee_id = NULL, claimed_at = NULL, "
                             "updated_at = ? WHERE id = ? AND assignee_id = ? RETURNING ",
                             kApplicationColumns),
                         now, id, reviewerId),
                 readApplication);
    if (released) return std::move(*released);
    if (!findIn(c, id)) throw noApplication(id);
    throw core::ConflictException("Application " + number(id) +
                                  " is not claimed by you, so there is nothing to release.");
  });
}

QueuePage SqlApplications::queue(const QueueQuery& query) {
  if (query.limit < 1 || query.limit > 500 || query.offset < 0) {
    throw Poco::InvalidArgumentException("A queue page holds 1 to 500 applications.");
  }
  // Poco binds a parameter object once, so each statement gets its own.
  Filter page = queueFilter(query);
  const Filter count = queueFilter(query);
  page.params.push_back(param(query.limit));
  page.params.push_back(param(query.offset));
  // The page's ids are chosen on the applications alone, then only those rows are joined.
  const std::string statement =
      "WITH page AS (SELECT a.id" + page.from + page.where +
      " ORDER BY a.submitted_at, a.id LIMIT ? OFFSET ?) "
      "SELECT a.id, a.agency_id, g.name AS agency_name, g.kind, g.state, a.type, a.status, "
      "a.round, a.submitted_at, a.assignee_id, u.email AS assignee_email "
      "FROM page JOIN applications a ON a.id = page.id JOIN agencies g ON g.id = a.agency_id "
      "LEFT JOIN users u ON u.id = a.assignee_id ORDER BY a.submitted_at, a.id";
  return context_.read([&](Connection& c) {
    QueuePage result;
    result.entries = mapRows(c.query(statement, page.params), readQueueEntry);
    result.total =
        Row(c.query("SELECT COUNT(*) AS n" + count.from + count.where, count.params), 0).int64("n");
    return result;
  });
}

void SqlApplications::recordDecision(const ItemDecision& d) {
  context_.write([&](Connection& c) {
    if (!findIn(c, d.applicationId)) throw noApplication(d.applicationId);
    c.execute(sql("INSERT INTO item_decisions (", kDecisionColumns,
                  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id, round, item_id) "
                  "DO UPDATE SET decision = excluded.decision, comment = excluded.comment, "
                  "reviewer_id = excluded.reviewer_id, overridden_status = "
                  "excluded.overridden_status, decided_at = excluded.decided_at"),
              d.applicationId, d.round, d.itemId, d.decision, d.comment, d.reviewerId,
              d.overriddenStatus, d.decidedAt);
  });
}

std::vector<ItemDecision> SqlApplications::decisions(Id applicationId, int round) {
  return context_.read([&](Connection& c) {
    return mapRows(c.query(sql("SELECT ", kDecisionColumns,
                               " FROM item_decisions WHERE application_id = ? AND round = ? "
                               "ORDER BY item_id"),
                           applicationId, round),
                   readDecision);
  });
}

}  // namespace mkrp::store::sql
