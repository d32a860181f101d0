// The durable storage the workflow needs, as interfaces. store/sqlite implements them (and
// store/postgres will); the workflow and the tests see only this header and records.h.
//
// Errors: core::NotFoundException when a named row does not exist, core::ConflictException when a
// write collides with the current state (duplicate, claimed by someone else, status changed under
// us). Both carry a message for people. A failing database raises Poco::Data::DataException.
// Expected outcomes (nothing to claim, a lease lost) are return values.
//
// Threads and processes: a Store is safe to use from many threads at once, and many processes may
// share one database. Every method is atomic on its own; Store::transaction groups several.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/records.h"

namespace mkrp::store {

// The job kind that extracts and pre-checks an uploaded document.
inline constexpr std::string_view kPrecheckJob = "precheck";

class AgencyRepository {
 public:
  virtual ~AgencyRepository() = default;
  // Stores a new agency and returns it with its id.
  virtual Agency add(const NewAgency& agency, TimePoint now) = 0;
  // Throws core::NotFoundException when there is no such agency.
  virtual Agency get(Id id) = 0;
  virtual std::optional<Agency> find(Id id) = 0;
  // All agencies, by name.
  virtual std::vector<Agency> list() = 0;
  // Replaces name, kind, state, city and ori. Throws core::NotFoundException.
  virtual void update(const Agency& agency) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Stores a new user. Throws core::ConflictException when the email (ignoring case) is taken,
  // core::NotFoundException when agencyId names no agency.
  // REQUIRES: agencyId is set exactly when role is Role::Agency.
  virtual User add(const NewUser& user, TimePoint now) = 0;
  // Throws core::NotFoundException.
  virtual User get(Id id) = 0;
  // Looks the email up without regard to ASCII case.
  virtual std::optional<User> findByEmail(std::string_view email) = 0;
  // All users with `role`, by email.
  virtual std::vector<User> listByRole(Role role) = 0;
  // Throws core::NotFoundException.
  virtual void setPasswordHash(Id id, std::string_view passwordHash) = 0;
};

// Signed-in sessions live in the database so that any instance can serve any request.
class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // Throws core::ConflictException when the token hash is already in use.
  virtual void create(const LoginSession& session) = 0;
  // The session with this token hash, unless it has expired at `now`.
  virtual std::optional<LoginSession> find(std::string_view tokenHash, TimePoint now) = 0;
  // Moves the expiry (sliding sessions). Returns false when there is no such session.
  virtual bool extend(std::string_view tokenHash, TimePoint expiresAt) = 0;
  // Signs one session out. Returns false when there was none.
  virtual bool remove(std::string_view tokenHash) = 0;
  // Signs a user out everywhere (password change, account closed). Returns how many sessions.
  virtual std::int64_t removeForUser(Id userId) = 0;
  // Deletes sessions expired before `now`. Returns how many.
  virtual std::int64_t removeExpired(TimePoint now) = 0;
};

// Failed sign-ins, counted per email and per network address to slow down guessing.
class LoginAttemptRepository {
 public:
  virtual ~LoginAttemptRepository() = default;
  virtual void recordFailure(std::string_view email, std::string_view ip, TimePoint at) = 0;
  // Failures for this email (ignoring case) at or after `since`.
  virtual std::int64_t failuresForEmail(std::string_view email, TimePoint since) = 0;
  // Failures from this address at or after `since`.
  virtual std::int64_t failuresFromIp(std::string_view ip, TimePoint since) = 0;
  // Forgets an email's failures (after a successful sign-in).
  virtual void clearEmail(std::string_view email) = 0;
  // Deletes failures older than `before`. Returns how many.
  virtual std::int64_t pruneBefore(TimePoint before) = 0;
};

// A compare-and-set of an application's status; see ApplicationRepository::changeStatus.
struct StatusChange {
  ApplicationStatus from = ApplicationStatus::Draft;
  ApplicationStatus to = ApplicationStatus::Submitted;
  TimePoint at;               // becomes updatedAt; also submittedAt or decidedAt, see below
  bool newRound = false;      // round + 1: a returned application submitted again
  bool releaseClaim = false;  // clear the assignee (e.g. after a decision)
  std::optional<std::string> reviewerMessage = std::nullopt;  // replaces the message when set
};

// Which applications the reviewers' queue shows. Unset filters match everything.
struct QueueQuery {
  std::vector<ApplicationStatus> statuses = {ApplicationStatus::Submitted,
                                             ApplicationStatus::InReview};
  std::optional<AgencyKind> kind;
  std::optional<std::string> state;
  std::optional<ApplicationType> type;
  std::optional<int> round;
  std::optional<Id> assigneeId;  // only applications claimed by this reviewer
  bool unassignedOnly = false;
  int limit = 50;  // 1..500
  int offset = 0;
};

struct QueuePage {
  std::vector<QueueEntry> entries;  // oldest submission first
  std::int64_t total = 0;           // matches of the query without limit and offset
};

class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  // Starts a draft in round 1. Throws core::ConflictException when the agency already has an
  // open (draft, submitted, in review or returned) application, core::NotFoundException when
  // there is no such agency.
  virtual Application create(Id agencyId, ApplicationType type, TimePoint now) = 0;
  // Throws core::NotFoundException.
  virtual Application get(Id id) = 0;
  virtual std::optional<Application> find(Id id) = 0;
  // The agency's open application, if any.
  virtual std::optional<Application> openForAgency(Id agencyId) = 0;
  // Every application of the agency, newest first.
  virtual std::vector<Application> listForAgency(Id agencyId) = 0;
  // Moves the application from `change.from` to `change.to`, atomically: throws
  // core::ConflictException when its status is no longer `change.from` (someone else acted
  // first), core::NotFoundException when it does not exist. Entering Submitted sets submittedAt,
  // entering Returned or Approved sets decidedAt. Returns the updated application.
  // The rules of which transitions are allowed belong to the workflow, not here.
  virtual Application changeStatus(Id id, const StatusChange& change) = 0;
  // Makes `reviewerId` the application's assignee. Succeeds when it is submitted or in review and
  // unassigned or already this reviewer's; of two reviewers claiming at once exactly one wins.
  // Throws core::ConflictException otherwise, core::NotFoundException when there is none.
  virtual Application claim(Id id, Id reviewerId, TimePoint now) = 0;
  // Gives the claim back. Throws core::ConflictException when `reviewerId` does not hold it.
  virtual Application release(Id id, Id reviewerId, TimePoint now) = 0;
  // Submitted work for reviewers, oldest submission first, with its agency.
  // Throws Poco::InvalidArgumentException when the limit is not 1..500 or the offset negative.
  virtual QueuePage queue(const QueueQuery& query) = 0;
  // Records (or replaces) the decision on one item in one round.
  // Throws core::NotFoundException when the application does not exist.
  virtual void recordDecision(const ItemDecision& decision) = 0;
  // The decisions of one round, by item id.
  virtual std::vector<ItemDecision> decisions(Id applicationId, int round) = 0;
};

class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  // Stores the document (status Queued) and a job of `jobKind` for it in one transaction: both
  // exist afterwards, or neither. The blob must already be in the BlobStore.
  // Throws core::NotFoundException when the application does not exist,
  // Poco::InvalidArgumentException when jobKind is empty.
  virtual DocumentRecord addWithJob(const NewDocument& document, std::string_view jobKind,
                                    TimePoint now) = 0;
  // Throws core::NotFoundException.
  virtual DocumentRecord get(Id id) = 0;
  virtual std::optional<DocumentRecord> find(Id id) = 0;
  // The documents of one round of an application, in upload order.
  virtual std::vector<DocumentRecord> listForRound(Id applicationId, int round) = 0;
  // Deletes the document and its jobs. Returns false when there was none.
  virtual bool remove(Id id) = 0;
  // Sets the status and the message shown with it. Throws core::NotFoundException.
  virtual void setStatus(Id id, DocumentStatus status, std::string_view message) = 0;
  // Stores what the pre-check produced and marks the document Checked.
  // Throws core::NotFoundException.
  virtual void saveResults(Id id, const DocumentResults& results, TimePoint now) = 0;
  // What saveResults stored; empty until the document is checked.
  virtual std::optional<DocumentResults> results(Id id) = 0;
  // Carries a document into a later round of its application unchanged (status, results and
  // all, upload time included), for a resubmission that keeps it. Returns the copy.
  // Throws core::NotFoundException.
  virtual DocumentRecord copyToRound(Id id, int round) = 0;
};

// The training roster of each application round: at most one per round.
class RosterRepository {
 public:
  virtual ~RosterRepository() = default;
  // Stores the roster of `roster.round`, replacing the one stored before for that round (in one
  // statement: readers see the old roster or the new one, never none), uploaded at `at`. The
  // blob must already be in the BlobStore. Throws core::NotFoundException when the application
  // does not exist.
  virtual RosterRecord put(const NewRoster& roster, TimePoint at) = 0;
  // The roster of one round of an application, if one was uploaded.
  virtual std::optional<RosterRecord> find(Id applicationId, int round) = 0;
  // Removes the roster of one round. Returns false when there was none.
  virtual bool remove(Id applicationId, int round) = 0;
};

// How long a worker may hold a job and how failures are retried.
struct JobPolicy {
  std::chrono::milliseconds lease{std::chrono::minutes(2)};
  int maxAttempts = 4;  // claims before the job fails for good
  std::chrono::milliseconds baseDelay{std::chrono::seconds(5)};  // before the 2nd attempt
  std::chrono::milliseconds maxDelay{std::chrono::minutes(10)};
};

// The wait before attempt `attempts + 1`: baseDelay * 2^(attempts - 1), at most maxDelay.
std::chrono::milliseconds backoffDelay(const JobPolicy& policy, int attempts);

// What a worker reports when a job did not succeed.
struct JobFailure {
  std::string message;    // for the uploader: what went wrong and what to do
  bool retryable = true;  // false: no point trying again (e.g. not a format we read)
};

enum class FailOutcome {
  Retrying,   // back in the queue, not before the backoff delay
  Failed,     // failed for good; its document is marked unreadable with the message
  LeaseLost,  // the lease was no longer the caller's: nothing changed
};

struct JobCounts {
  std::int64_t queued = 0, leased = 0, done = 0, failed = 0;
};

// A durable queue of background work. A claimed job is leased to its worker; when the worker
// dies the lease runs out and another worker takes the job over. Jobs taken over come first,
// then jobs in the order they were added. Each claim counts as an attempt, so a job that kills
// its worker every time still fails for good after policy.maxAttempts.
class JobQueue {
 public:
  virtual ~JobQueue() = default;
  // Adds a job that may run from `now` on. Throws Poco::InvalidArgumentException for an empty
  // kind.
  virtual Id enqueue(std::string_view kind, std::optional<Id> documentId, std::string_view payload,
                     TimePoint now) = 0;
  // Leases the oldest job whose lease has run out, or else the oldest queued job that is due, to
  // `owner` until now + policy.lease, and marks its document Extracting. Jobs whose lease ran out
  // after their last allowed attempt are failed (document unreadable) instead. Returns nothing when
  // there is no work. Of several workers claiming at once, each job goes to exactly one.
  virtual std::optional<Job> claim(std::string_view owner, TimePoint now,
                                   const JobPolicy& policy) = 0;
  // The lease of a job claim() returned.
  static Lease leaseOf(const Job& job);
  // Moves the lease's expiry to `expiresAt` (a heartbeat for long work). False when lost.
  virtual bool extend(const Lease& lease, TimePoint expiresAt) = 0;
  // Marks the job done if the lease is still the caller's; false otherwise. To apply the job's
  // effect exactly once, call it inside Store::transaction together with the effect, and write
  // the effect only when it returns true.
  virtual bool complete(const Lease& lease, TimePoint now) = 0;
  // Records a failed attempt: back in the queue after backoffDelay, or, after the last attempt or
  // when not retryable, failed for good with the document marked unreadable and the message.
  virtual FailOutcome fail(const Lease& lease, const JobFailure& failure, TimePoint now,
                           const JobPolicy& policy) = 0;
  virtual std::optional<Job> find(Id id) = 0;
  // The jobs of one document, oldest first.
  virtual std::vector<Job> listForDocument(Id documentId) = 0;
  // How many jobs are in each state (queue depth for /metrics).
  virtual JobCounts counts() = 0;
};

// Who did what, when. Append-only.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Stores the entry (its id is ignored) and returns the new id.
  virtual Id append(const AuditEntry& entry) = 0;
  // The entries about one entity, oldest first.
  virtual std::vector<AuditEntry> forEntity(std::string_view entityType, Id entityId) = 0;
  // The latest entries, newest first, older than `beforeId` when given (paging).
  virtual std::vector<AuditEntry> recent(int limit, std::optional<Id> beforeId) = 0;
};

// Notifications waiting to be sent. Delivery leases messages like the job queue does.
class Outbox {
 public:
  virtual ~Outbox() = default;
  // Adds a message to send from `now` on. With a dedupe key, adds it only once: returns the id,
  // or nothing when a message with that key exists already.
  virtual std::optional<Id> enqueue(const OutboxMessage& message, TimePoint now) = 0;
  // Leases the oldest message that is due (or whose lease ran out) to `owner`.
  virtual std::optional<OutboxMessage> claim(std::string_view owner, TimePoint now,
                                             const JobPolicy& policy) = 0;
  // Marks it sent. False when the lease (owner and attempt) is no longer the caller's.
  virtual bool markSent(Id id, std::string_view owner, int attempt, TimePoint now) = 0;
  // Records a failed delivery: retried after backoffDelay, failed after policy.maxAttempts.
  virtual FailOutcome markFailed(Id id, std::string_view owner, int attempt, std::string_view error,
                                 TimePoint now, const JobPolicy& policy) = 0;
  virtual std::optional<OutboxMessage> find(Id id) = 0;
};

// Five-year memberships of approved agencies. Every change is a conditional UPDATE on the current
// status, so a transition applied twice (two instances running the daily job) happens once.
class MembershipRepository {
 public:
  virtual ~MembershipRepository() = default;
  // Starts an active membership. Throws core::ConflictException when the agency already has one.
  virtual Membership start(Id agencyId, Id applicationId, TimePoint startedAt,
                           TimePoint expiresAt) = 0;
  virtual std::optional<Membership> find(Id id) = 0;
  // The agency's active membership, if any.
  virtual std::optional<Membership> activeForAgency(Id agencyId) = 0;
  // The agency's newest membership whatever its status (to reinstate a lapsed one), if any.
  virtual std::optional<Membership> latestForAgency(Id agencyId) = 0;
  // Moves the expiry of an active membership (an approved renewal). False when not active.
  virtual bool extend(Id id, TimePoint expiresAt) = 0;
  // Lapses an active membership. False when it was not active (already lapsed: idempotent).
  virtual bool lapse(Id id) = 0;
  // Lapses an active membership whose expiry is at or before `now`. False otherwise.
  virtual bool lapseExpired(Id id, TimePoint now) = 0;
  // Makes a lapsed (not withdrawn) membership active again until `expiresAt`. False otherwise.
  virtual bool reinstate(Id id, TimePoint expiresAt) = 0;
  // Ends an active or lapsed membership for good. False when it was withdrawn already.
  virtual bool withdraw(Id id, TimePoint at) = 0;
  // Active memberships expiring before `before`, soonest first (the daily job's work list).
  virtual std::vector<Membership> activeExpiringBefore(TimePoint before) = 0;
  // Active memberships that have not expired at `now`, with their agencies, by state, then name.
  virtual std::vector<Member> members(const MemberQuery& query, TimePoint now) = 0;
  // Records that reminder `key` (e.g. "90d") went out; true only for the first caller, so each
  // reminder is sent once even when several instances run the daily job.
  virtual bool recordReminder(Id id, std::string_view key, TimePoint now) = 0;
};

// The certificates and media releases issued by approvals, one per approved application.
class CertificateRepository {
 public:
  virtual ~CertificateRepository() = default;
  // Stores it and returns it with its id. Throws core::ConflictException when the application,
  // the number or the code has a certificate already.
  virtual Certificate add(const NewCertificate& certificate) = 0;
  // The certificate of an approved application, if any.
  virtual std::optional<Certificate> forApplication(Id applicationId) = 0;
  // The certificate with this verification code (exact match), if any.
  virtual std::optional<Certificate> findByCode(std::string_view code) = 0;
};

struct AppliedMigration {
  int version = 0;
  std::string name;
  TimePoint appliedAt;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual AgencyRepository& agencies() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual LoginAttemptRepository& loginAttempts() = 0;
  virtual ApplicationRepository& applications() = 0;
  virtual DocumentRepository& documents() = 0;
  virtual JobQueue& jobs() = 0;
  virtual AuditLog& audit() = 0;
  virtual Outbox& outbox() = 0;
  virtual MembershipRepository& memberships() = 0;
  virtual CertificateRepository& certificates() = 0;
  virtual RosterRepository& rosters() = 0;

  // Runs `work` in one transaction: everything it does through the Store it is given is committed
  // together when it returns, and rolled back when it throws (the exception goes on). Calls
  // nested inside `work` join the same transaction. Writers wait for one another, so keep `work`
  // short and free of other I/O. The given Store belongs to the calling thread, only until
  // `work` returns; writing through any other Store of the same database from inside `work`
  // throws Poco::IllegalStateException (it would wait for itself).
  virtual void transaction(const std::function<void(Store& tx)>& work) = 0;

  // Applies the migrations not applied yet, each in its own transaction, and records them.
  // Safe to run from several processes at once. Returns the ones it applied.
  virtual std::vector<AppliedMigration> migrate(TimePoint now) = 0;
  // The migrations recorded as applied, by version.
  virtual std::vector<AppliedMigration> appliedMigrations() = 0;
};

// transaction() for work that returns a value.
template <typename Work>
auto inTransaction(Store& store, Work&& work) -> decltype(work(store)) {
  using Result = decltype(work(store));
  if constexpr (std::is_void_v<Result>) {
    store.transaction(work);
  } else {
    std::optional<Result> result;
    store.transaction([&](Store& tx) { result.emplace(work(tx)); });
    return std::move(*result);
  }
}

}  // namespace mkrp::store
