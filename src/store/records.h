// The rows the store keeps, as plain values. Every backend reads and writes exactly these.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mkrp::store {

// Row ids are assigned by the store, start at 1 and are never reused.
using Id = std::int64_t;

// A moment in time, UTC, to the millisecond. The store never reads a clock itself (except for the
// informational time a migration was applied): callers pass `now`, so tests control time.
using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

// --- agencies and people ---------------------------------------------------------------------

// Law enforcement agency ("le") or public safety answering point, a 9-1-1 center ("psap").
enum class AgencyKind { LawEnforcement, Psap };

struct NewAgency {
  std::string name;
  AgencyKind kind = AgencyKind::LawEnforcement;
  std::string state;  // two-letter postal code, e.g. "VA"
  std::string city;   // may be empty
  std::string ori;    // FBI Originating Agency Identifier; may be empty
};

struct Agency : NewAgency {
  Id id = 0;
  TimePoint createdAt;
};

enum class Role { Agency, Reviewer, Admin };

struct NewUser {
  std::string email;  // as typed; unique without regard to ASCII case
  Role role = Role::Agency;
  std::optional<Id> agencyId;  // set exactly for Role::Agency
  std::string passwordHash;    // an encoded Argon2id hash, never the password
};

struct User : NewUser {
  Id id = 0;
  TimePoint createdAt;
};

// A signed-in browser. The cookie carries a random token; only its hash is stored.
struct LoginSession {
  std::string tokenHash;
  Id userId = 0;
  std::string csrfToken;
  TimePoint createdAt;
  TimePoint expiresAt;
};

// --- applications and their documents --------------------------------------------------------

enum class ApplicationType { Initial, Renewal };

enum class ApplicationStatus { Draft, Submitted, InReview, Returned, Approved, Withdrawn };

struct Application {
  Id id = 0;
  Id agencyId = 0;
  ApplicationType type = ApplicationType::Initial;
  ApplicationStatus status = ApplicationStatus::Draft;
  int round = 1;  // 1, then +1 each time a returned application is resubmitted
  TimePoint createdAt;
  TimePoint updatedAt;                   // the last status change, claim or release
  std::optional<TimePoint> submittedAt;  // the latest submission
  std::optional<TimePoint> decidedAt;    // the latest return or approval
  std::optional<Id> assigneeId;          // the reviewer who claimed it
  std::optional<TimePoint> claimedAt;
  std::string reviewerMessage;  // the message of the latest return; empty otherwise
};

// One row of the reviewers' queue.
struct QueueEntry {
  Id applicationId = 0;
  Id agencyId = 0;
  std::string agencyName;
  AgencyKind kind = AgencyKind::LawEnforcement;
  std::string state;
  ApplicationType type = ApplicationType::Initial;
  ApplicationStatus status = ApplicationStatus::Submitted;
  int round = 1;
  TimePoint submittedAt;
  std::optional<Id> assigneeId;
  std::string assigneeEmail;  // empty when unassigned
};

enum class Decision { Accepted, Deficient };

// A reviewer's decision on one checklist item in one round of an application.
struct ItemDecision {
  Id applicationId = 0;
  int round = 1;
  std::string itemId;  // the checklist item's stable id, e.g. "LE-3.2"
  Decision decision = Decision::Accepted;
  std::string comment;
  Id reviewerId = 0;
  // The pre-check's status ("met", "missing", ...) when the reviewer's decision overrides it;
  // empty when the reviewer agreed with the pre-check.
  std::string overriddenStatus;
  TimePoint decidedAt;
};

enum class DocumentStatus { Queued, Extracting, Checked, Unreadable };

struct NewDocument {
  Id applicationId = 0;
  int round = 1;
  std::string filename;    // as the uploader named it; shown to people, never used as a path
  std::string format;      // what sniffing found: "pdf", "docx", "odt", "csv"
  std::string blobSha256;  // where the bytes are in the BlobStore
  std::int64_t size = 0;   // bytes
  std::optional<Id> uploadedBy;
};

struct DocumentRecord : NewDocument {
  Id id = 0;
  DocumentStatus status = DocumentStatus::Queued;
  std::string message;  // why it is unreadable, in words for the uploader; empty otherwise
  TimePoint uploadedAt;
  std::optional<TimePoint> checkedAt;
};

// The training roster of one round of an application (a CSV kept in the BlobStore).
struct NewRoster {
  Id applicationId = 0;
  int round = 1;
  std::string filename;    // as the uploader named it; shown to people, never used as a path
  std::string blobSha256;  // where the bytes are in the BlobStore
  std::int64_t size = 0;   // bytes
  std::optional<Id> uploadedBy;
};

struct RosterRecord : NewRoster {
  TimePoint uploadedAt;
};

// What the pre-check job produced for one document: large, so read only when asked for.
struct DocumentResults {
  std::string documentJson;  // core::toJson of the extracted Document
  std::string findingsJson;  // the pre-check's items, as `mkrp check --format json` writes them
};

// --- background work -------------------------------------------------------------------------

enum class JobState { Queued, Leased, Done, Failed };

// The right to work on one job, held until the lease expires. `attempt` tells two leases of the
// same owner apart: a worker whose lease was taken over holds a stale attempt number.
struct Lease {
  Id jobId = 0;
  std::string owner;
  int attempt = 0;
  TimePoint expiresAt;
};

struct Job {
  Id id = 0;
  std::string kind;              // e.g. "precheck"
  std::optional<Id> documentId;  // the document the job works on, if any
  std::string payload;           // kind-specific, often empty
  JobState state = JobState::Queued;
  int attempts = 0;        // claims so far, including one in progress
  std::string leaseOwner;  // empty unless leased
  std::optional<TimePoint> leaseExpiresAt;
  TimePoint runAfter;  // not claimed before this (backoff)
  std::string lastError;
  TimePoint createdAt;
  std::optional<TimePoint> finishedAt;
};

// --- records kept for people -----------------------------------------------------------------

struct AuditEntry {
  Id id = 0;  // assigned on append
  TimePoint at;
  std::optional<Id> actorId;  // the user; empty for the system (daily job, worker)
  std::string action;         // e.g. "application.submitted"
  std::string entityType;     // e.g. "application"
  std::optional<Id> entityId;
  std::string detailsJson = "{}";
};

enum class OutboxState { Pending, Sending, Sent, Failed };

struct OutboxMessage {
  Id id = 0;
  std::string recipient;  // an email address
  std::string subject;
  std::string body;
  // Makes enqueueing idempotent: a second message with the same key is not added. Empty: no key.
  std::string dedupeKey;
  OutboxState state = OutboxState::Pending;
  int attempts = 0;
  TimePoint nextAttemptAt;
  std::string leaseOwner;
  std::optional<TimePoint> leaseExpiresAt;
  std::string lastError;
  TimePoint createdAt;
  std::optional<TimePoint> finishedAt;  // when it was sent, or failed for good
};

// Active: recognized and on the public list. Lapsed: expired without an approved renewal (an
// approved renewal reinstates it). Withdrawn: ended at the agency's or the program's request; it
// is never reinstated.
enum class MembershipStatus { Active, Lapsed, Withdrawn };

struct Membership {
  Id id = 0;
  Id agencyId = 0;
  Id applicationId = 0;  // the approved application that started it
  TimePoint startedAt;   // recognized since: the first approval
  TimePoint expiresAt;   // valid through: moved five years on by each approved renewal
  MembershipStatus status = MembershipStatus::Active;
};

// A recognized agency as the public list shows it.
struct Member {
  Agency agency;
  Membership membership;
};

// Which members the public list shows. Unset filters match everything.
struct MemberQuery {
  std::optional<AgencyKind> kind;
  std::optional<std::string> state;
  // Only memberships that started in [startedFrom, startedBefore): the newly recognized.
  std::optional<TimePoint> startedFrom;
  std::optional<TimePoint> startedBefore;
};

// What one approval issued: the certificate and the media release, kept in the BlobStore.
struct NewCertificate {
  Id applicationId = 0;  // the approved application (initial or renewal)
  Id membershipId = 0;
  Id agencyId = 0;
  std::string number;      // printed on the certificate, e.g. "MKRP-2026-000042"
  std::string code;        // the verification code the public confirms at /verify/{code}
  TimePoint recognizedOn;  // the start of the term this certificate covers
  TimePoint validThrough;  // the end of that term
  TimePoint issuedAt;
  std::string pdfSha256;   // the certificate PDF in the BlobStore
  std::string docxSha256;  // the media release DOCX in the BlobStore
};

struct Certificate : NewCertificate {
  Id id = 0;
};

// --- names ------------------------------------------------------------------------------------
// The spelling of each enum value in the database and in the JSON API ("le", "in_review", ...).
// The parse functions throw Poco::DataFormatException for any other text.

std::string_view toString(AgencyKind kind);
std::string_view toString(Role role);
std::string_view toString(ApplicationType type);
std::string_view toString(ApplicationStatus status);
std::string_view toString(Decision decision);
std::string_view toString(DocumentStatus status);
std::string_view toString(JobState state);
std::string_view toString(OutboxState state);
std::string_view toString(MembershipStatus status);

AgencyKind parseAgencyKind(std::string_view text);
Role parseRole(std::string_view text);
ApplicationType parseApplicationType(std::string_view text);
ApplicationStatus parseApplicationStatus(std::string_view text);
Decision parseDecision(std::string_view text);
DocumentStatus parseDocumentStatus(std::string_view text);
JobState parseJobState(std::string_view text);
OutboxState parseOutboxState(std::string_view text);
MembershipStatus parseMembershipStatus(std::string_view text);

// The key under which an email address is unique and looked up: ASCII letters lower-cased,
// surrounding spaces removed.
std::string emailKey(std::string_view email);

}  // namespace mkrp::store
