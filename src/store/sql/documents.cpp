// Documents and the job queue that reads and checks them.
#include <Poco/Exception.h>

#include "core/errors.h"
#include "store/sql/lease_queue.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

constexpr std::string_view kDocumentColumns =
    "id, application_id, round, filename, format, blob_sha256, size, uploaded_by, status, "
    "message, uploaded_at, checked_at";
constexpr std::string_view kJobColumns =
    "id, kind, document_id, payload, state, attempts, lease_owner, lease_expires_at, run_after, "
    "last_error, created_at, finished_at";

const LeaseTable kJobTable{"jobs", "queued", "leased", "failed", "run_after", kJobColumns};

std::string sql(std::string_view head, std::string_view columns, std::string_view tail = "") {
  return std::string(head) + std::string(columns) + std::string(tail);
}

DocumentRecord readDocument(const Row& row) {
  DocumentRecord d;
  d.id = row.int64("id");
  d.applicationId = row.int64("application_id");
  d.round = row.integer("round");
  d.filename = row.text("filename");
  d.format = row.text("format");
  d.blobSha256 = row.text("blob_sha256");
  d.size = row.int64("size");
  d.uploadedBy = row.optionalInt64("uploaded_by");
  d.status = parseDocumentStatus(row.text("status"));
  d.message = row.text("message");
  d.uploadedAt = row.time("uploaded_at");
  d.checkedAt = row.optionalTime("checked_at");
  return d;
}

Job readJob(const Row& row) {
  Job job;
  job.id = row.int64("id");
  job.kind = row.text("kind");
  job.documentId = row.optionalInt64("document_id");
  job.payload = row.text("payload");
  job.state = parseJobState(row.text("state"));
  job.attempts = row.integer("attempts");
  job.leaseOwner = row.text("lease_owner");
  job.leaseExpiresAt = row.optionalTime("lease_expires_at");
  job.runAfter = row.time("run_after");
  job.lastError = row.text("last_error");
  job.createdAt = row.time("created_at");
  job.finishedAt = row.optionalTime("finished_at");
  return job;
}

core::NotFoundException noDocument(Id id) {
  return core::NotFoundException("There is no document with id " + std::to_string(id) + ".");
}

Id insertJob(Connection& c, std::string_view kind, std::optional<Id> documentId,
             std::string_view payload, TimePoint now) {
  if (kind.empty()) throw Poco::InvalidArgumentException("A job needs a kind.");
  return Row(c.query("INSERT INTO jobs (kind, document_id, payload, state, attempts, run_after, "
                     "created_at) VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id",
                     kind, documentId, payload, JobState::Queued, now, now),
             0)
      .int64("id");
}

void setDocumentStatus(Connection& c, Id id, DocumentStatus status, std::string_view message) {
  c.execute("UPDATE documents SET status = ?, message = ? WHERE id = ?", status, message, id);
}

// The message a document gets when its job's worker died on every attempt.
std::string workerDiedMessage(int attempts) {
  return "Reading this file stopped without finishing " + std::to_string(attempts) +
         " times; it may be damaged or too complex. Save it again (for example as PDF) and "
         "upload it once more.";
}

void failExhaustedJobs(Connection& c, TimePoint now, const JobPolicy& policy) {
  const auto failed = reapExhausted(c, kJobTable, now, policy.maxAttempts,
                                    "the worker stopped before finishing, on every attempt");
  for (const auto& job : mapRows(failed, readJob)) {
    if (job.documentId) {
      setDocumentStatus(c, *job.documentId, DocumentStatus::Unreadable,
                        workerDiedMessage(job.attempts));
    }
  }
}

}  // namespace

DocumentRecord SqlDocuments::addWithJob(const NewDocument& document, std::string_view jobKind,
                                        TimePoint now) {
  return context_.write([&](Connection& c) {
    if (c.query("SELECT id FROM applications WHERE id = ?", document.applicationId).rowCount() ==
        0) {
      throw core::NotFoundException("There is no application with id " +
                                    std::to_string(document.applicationId) + ".");
    }
    auto record = readDocument(
        Row(c.query(sql("INSERT INTO documents (application_id, round, filename, format, "
                        "blob_sha256, size, uploaded_by, status, message, uploaded_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?) RETURNING ",
                        kDocumentColumns),
                    document.applicationId, document.round, document.filename, document.format,
                    document.blobSha256, document.size, document.uploadedBy, DocumentStatus::Queued,
                    now),
            0));
    insertJob(c, jobKind, record.id, "", now);
    return record;
  });
}

std::optional<DocumentRecord> SqlDocuments::find(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kDocumentColumns, " FROM documents WHERE id = ?"), id),
                    readDocument);
  });
}

DocumentRecord SqlDocuments::get(Id id) {
  if (auto document = find(id)) return std::move(*document);
  throw noDocument(id);
}

std::vector<DocumentRecord> SqlDocuments::listForRound(Id applicationId, int round) {
  return context_.read([&](Connection& c) {
    return mapRows(c.query(sql("SELECT ", kDocumentColumns,
                               " FROM documents WHERE application_id = ? AND round = ? "
                               "ORDER BY id"),
                           applicationId, round),
                   readDocument);
  });
}

bool SqlDocuments::remove(Id id) {
  return context_.write(
      [&](Connection& c) { return c.execute("DELETE FROM documents WHERE id = ?", id) > 0; });
}

void SqlDocuments::setStatus(Id id, DocumentStatus status, std::string_view message) {
  const auto changed = context_.write([&](Connection& c) {
    return c.execute("UPDATE documents SET status = ?, message = ? WHERE id = ?", status, message,
                     id);
  });
  if (changed == 0) throw noDocument(id);
}

void SqlDocuments::saveResults(Id id, const DocumentResults& results, TimePoint now) {
  const auto changed = context_.write([&](Connection& c) {
    return c.execute(
        "UPDATE documents SET status = ?, message = '', checked_at = ?, document_json = ?, "
        "findings_json = ? WHERE id = ?",
        DocumentStatus::Checked, now, results.documentJson, results.findingsJson, id);
  });
  if (changed == 0) throw noDocument(id);
}

std::optional<DocumentResults> SqlDocuments::results(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query("SELECT document_json, findings_json FROM documents "
                            "WHERE id = ? AND document_json IS NOT NULL",
                            id),
                    [](const Row& row) {
                      return DocumentResults{row.text("document_json"), row.text("findings_json")};
                    });
  });
}

DocumentRecord SqlDocuments::copyToRound(Id id, int round) {
  auto copy = context_.write([&](Connection& c) {
    return mapFirst(
        c.query(sql("INSERT INTO documents (application_id, round, filename, format, blob_sha256, "
                    "size, uploaded_by, status, message, uploaded_at, checked_at, document_json, "
                    "findings_json) SELECT application_id, ?, filename, format, blob_sha256, "
                    "size, uploaded_by, status, message, uploaded_at, checked_at, document_json, "
                    "findings_json FROM documents WHERE id = ? RETURNING ",
                    kDocumentColumns),
                round, id),
        readDocument);
  });
  if (!copy) throw noDocument(id);
  return std::move(*copy);
}

Id SqlJobs::enqueue(std::string_view kind, std::optional<Id> documentId, std::string_view payload,
                    TimePoint now) {
  return context_.write(
      [&](Connection& c) { return insertJob(c, kind, documentId, payload, now); });
}

std::optional<Job> SqlJobs::claim(std::string_view owner, TimePoint now, const JobPolicy& policy) {
  if (!context_.read([&](Connection& c) { return hasDue(c, kJobTable, now); })) return {};
  return context_.write([&](Connection& c) {
    failExhaustedJobs(c, now, policy);
    auto job = claimNext(c, kJobTable, owner, now, now + policy.lease, readJob);
    if (job && job->documentId) {
      c.execute("UPDATE documents SET status = ?, message = '' WHERE id = ? AND status IN (?, ?)",
                DocumentStatus::Extracting, *job->documentId, DocumentStatus::Queued,
                DocumentStatus::Extracting);
    }
    return job;
  });
}

bool SqlJobs::extend(const Lease& lease, TimePoint expiresAt) {
  return context_.write([&](Connection& c) {
    return c.execute("UPDATE jobs SET lease_expires_at = ? WHERE " + leaseHolds(), expiresAt,
                     lease.jobId, JobState::Leased, lease.owner, lease.attempt) > 0;
  });
}

bool SqlJobs::complete(const Lease& lease, TimePoint now) {
  return context_.write([&](Connection& c) {
    return c.execute("UPDATE jobs SET state = ?, lease_expires_at = NULL, finished_at = ? WHERE " +
                         leaseHolds(),
                     JobState::Done, now, lease.jobId, JobState::Leased, lease.owner,
                     lease.attempt) > 0;
  });
}

FailOutcome SqlJobs::fail(const Lease& lease, const JobFailure& failure, TimePoint now,
                          const JobPolicy& policy) {
  return context_.write([&](Connection& c) {
    auto job = mapFirst(c.query(sql("SELECT ", kJobColumns, " FROM jobs WHERE " + leaseHolds()),
                                lease.jobId, JobState::Leased, lease.owner, lease.attempt),
                        readJob);
    if (!job) return FailOutcome::LeaseLost;
    if (failure.retryable && job->attempts < policy.maxAttempts) {
      const auto runAfter = now + backoffDelay(policy, job->attempts);
      const auto changed = c.execute(
          "UPDATE jobs SET state = ?, lease_owner = NULL, lease_expires_at = NULL, "
          "run_after = ?, last_error = ? WHERE " +
              leaseHolds(),
          JobState::Queued, runAfter, failure.message, lease.jobId, JobState::Leased, lease.owner,
          lease.attempt);
      if (changed == 0) return FailOutcome::LeaseLost;
      if (job->documentId) setDocumentStatus(c, *job->documentId, DocumentStatus::Queued, "");
      return FailOutcome::Retrying;
    }
    const auto changed = c.execute(
        "UPDATE jobs SET state = ?, lease_expires_at = NULL, last_error = ?, finished_at = ? "
        "WHERE " +
            leaseHolds(),
        JobState::Failed, failure.message, now, lease.jobId, JobState::Leased, lease.owner,
        lease.attempt);
    if (changed == 0) return FailOutcome::LeaseLost;
    if (job->documentId) {
      setDocumentStatus(c, *job->documentId, DocumentStatus::Unreadable, failure.message);
    }
    return FailOutcome::Failed;
  });
}

std::optional<Job> SqlJobs::find(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kJobColumns, " FROM jobs WHERE id = ?"), id), readJob);
  });
}

std::vector<Job> SqlJobs::listForDocument(Id documentId) {
  return context_.read([&](Connection& c) {
    return mapRows(
        c.query(sql("SELECT ", kJobColumns, " FROM jobs WHERE document_id = ? ORDER BY id"),
                documentId),
        readJob);
  });
}

JobCounts SqlJobs::counts() {
  return context_.read([&](Connection& c) {
    JobCounts counts;
    const auto rows = c.query("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state", Params{});
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
      const Row row(rows, i);
      const auto n = row.int64("n");
      switch (parseJobState(row.text("state"))) {
        case JobState::Queued:
          counts.queued = n;
          break;
        case JobState::Leased:
          counts.leased = n;
          break;
        case JobState::Done:
          counts.done = n;
          break;
        case JobState::Failed:
          counts.failed = n;
          break;
      }
    }
    return counts;
  });
}

}  // namespace mkrp::store::sql
