// The SQL implementations of the repositories. Internal to store/sql.
#pragma once

#include "store/sql/context.h"
#include "store/store.h"

namespace mkrp::store::sql {

class SqlAgencies final : public AgencyRepository {
 public:
  explicit SqlAgencies(Context& context) : context_(context) {}
  Agency add(const NewAgency& agency, TimePoint now) override;
  Agency get(Id id) override;
  std::optional<Agency> find(Id id) override;
  std::vector<Agency> list() override;
  void update(const Agency& agency) override;

 private:
  Context& context_;
};

class SqlUsers final : public UserRepository {
 public:
  explicit SqlUsers(Context& context) : context_(context) {}
  User add(const NewUser& user, TimePoint now) override;
  User get(Id id) override;
  std::optional<User> findByEmail(std::string_view email) override;
  std::vector<User> listByRole(Role role) override;
  void setPasswordHash(Id id, std::string_view passwordHash) override;

 private:
  Context& context_;
};

class SqlSessions final : public SessionRepository {
 public:
  explicit SqlSessions(Context& context) : context_(context) {}
  void create(const LoginSession& session) override;
  std::optional<LoginSession> find(std::string_view tokenHash, TimePoint now) override;
  bool extend(std::string_view tokenHash, TimePoint expiresAt) override;
  bool remove(std::string_view tokenHash) override;
  std::int64_t removeForUser(Id userId) override;
  std::int64_t removeExpired(TimePoint now) override;

 private:
  Context& context_;
};

class SqlLoginAttempts final : public LoginAttemptRepository {
 public:
  explicit SqlLoginAttempts(Context& context) : context_(context) {}
  void recordFailure(std::string_view email, std::string_view ip, TimePoint at) override;
  std::int64_t failuresForEmail(std::string_view email, TimePoint since) override;
  std::int64_t failuresFromIp(std::string_view ip, TimePoint since) override;
  void clearEmail(std::string_view email) override;
  std::int64_t pruneBefore(TimePoint before) override;

 private:
  Context& context_;
};

class SqlApplications final : public ApplicationRepository {
 public:
  explicit SqlApplications(Context& context) : context_(context) {}
  Application create(Id agencyId, ApplicationType type, TimePoint now) override;
  Application get(Id id) override;
  std::optional<Application> find(Id id) override;
  std::optional<Application> openForAgency(Id agencyId) override;
  std::vector<Application> listForAgency(Id agencyId) override;
  Application changeStatus(Id id, const StatusChange& change) override;
  Application claim(Id id, Id reviewerId, TimePoint now) override;
  Application release(Id id, Id reviewerId, TimePoint now) override;
  QueuePage queue(const QueueQuery& query) override;
  void recordDecision(const ItemDecision& decision) override;
  std::vector<ItemDecision> decisions(Id applicationId, int round) override;

 private:
  Context& context_;
};

class SqlDocuments final : public DocumentRepository {
 public:
  explicit SqlDocuments(Context& context) : context_(context) {}
  DocumentRecord addWithJob(const NewDocument& document, std::string_view jobKind,
                            TimePoint now) override;
  DocumentRecord get(Id id) override;
  std::optional<DocumentRecord> find(Id id) override;
  std::vector<DocumentRecord> listForRound(Id applicationId, int round) override;
  bool remove(Id id) override;
  void setStatus(Id id, DocumentStatus status, std::string_view message) override;
  void saveResults(Id id, const DocumentResults& results, TimePoint now) override;
  std::optional<DocumentResults> results(Id id) override;
  DocumentRecord copyToRound(Id id, int round) override;

 private:
  Context& context_;
};

class SqlJobs final : public JobQueue {
 public:
  explicit SqlJobs(Context& context) : context_(context) {}
  Id enqueue(std::string_view kind, std::optional<Id> documentId, std::string_view payload,
             TimePoint now) override;
  std::optional<Job> claim(std::string_view owner, TimePoint now, const JobPolicy& policy) override;
  bool extend(const Lease& lease, TimePoint expiresAt) override;
  bool complete(const Lease& lease, TimePoint now) override;
  FailOutcome fail(const Lease& lease, const JobFailure& failure, TimePoint now,
                   const JobPolicy& policy) override;
  std::optional<Job> find(Id id) override;
  std::vector<Job> listForDocument(Id documentId) override;
  JobCounts counts() override;

 private:
  Context& context_;
};

class SqlAudit final : public AuditLog {
 public:
  explicit SqlAudit(Context& context) : context_(context) {}
  Id append(const AuditEntry& entry) override;
  std::vector<AuditEntry> forEntity(std::string_view entityType, Id entityId) override;
  std::vector<AuditEntry> recent(int limit, std::optional<Id> beforeId) override;

 private:
  Context& context_;
};

class SqlOutbox final : public Outbox {
 public:
  explicit SqlOutbox(Context& context) : context_(context) {}
  std::optional<Id> enqueue(const OutboxMessage& message, TimePoint now) override;
  std::optional<OutboxMessage> claim(std::string_view owner, TimePoint now,
                                     const JobPolicy& policy) override;
  bool markSent(Id id, std::string_view owner, int attempt, TimePoint now) override;
  FailOutcome markFailed(Id id, std::string_view owner, int attempt, std::string_view error,
                         TimePoint now, const JobPolicy& policy) override;
  std::optional<OutboxMessage> find(Id id) override;

 private:
  Context& context_;
};

class SqlMemberships final : public MembershipRepository {
 public:
  explicit SqlMemberships(Context& context) : context_(context) {}
  Membership start(Id agencyId, Id applicationId, TimePoint startedAt,
                   TimePoint expiresAt) override;
  std::optional<Membership> find(Id id) override;
  std::optional<Membership> activeForAgency(Id agencyId) override;
  std::optional<Membership> latestForAgency(Id agencyId) override;
  bool extend(Id id, TimePoint expiresAt) override;
  bool lapse(Id id) override;
  bool lapseExpired(Id id, TimePoint now) override;
  bool reinstate(Id id, TimePoint expiresAt) override;
  bool withdraw(Id id, TimePoint at) override;
  std::vector<Membership> activeExpiringBefore(TimePoint before) override;
  std::vector<Member> members(const MemberQuery& query, TimePoint now) override;
  bool recordReminder(Id id, std::string_view key, TimePoint now) override;

 private:
  Context& context_;
};

class SqlCertificates final : public CertificateRepository {
 public:
  explicit SqlCertificates(Context& context) : context_(context) {}
  Certificate add(const NewCertificate& certificate) override;
  std::optional<Certificate> forApplication(Id applicationId) override;
  std::optional<Certificate> findByCode(std::string_view code) override;

 private:
  Context& context_;
};

class SqlRosters final : public RosterRepository {
 public:
  explicit SqlRosters(Context& context) : context_(context) {}
  RosterRecord put(const NewRoster& roster, TimePoint at) override;
  std::optional<RosterRecord> find(Id applicationId, int round) override;
  bool remove(Id applicationId, int round) override;

 private:
  Context& context_;
};

}  // namespace mkrp::store::sql
