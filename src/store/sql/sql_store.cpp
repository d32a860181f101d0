#include "store/sql/sql_store.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <chrono>

#include "store/migrations.h"
#include "store/sql/context.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

// The database whose write transaction this thread is inside, if any.
thread_local const Shared* tWriting = nullptr;

// Checked before taking a connection: the thread may hold the last one.
Shared& notWritingYet(Shared& shared) {
  if (tWriting == &shared) {
    throw Poco::IllegalStateException(
        "A write was started outside the transaction this thread is in; inside "
        "Store::transaction use only the Store given to the work.");
  }
  return shared;
}

// One view of the database: the root (a connection per call) or one transaction.
class SqlStore final : public Store {
 public:
  explicit SqlStore(std::shared_ptr<Shared> shared)
      : shared_(std::move(shared)), context_(*shared_) {}
  SqlStore(std::shared_ptr<Shared> shared, Connection& transaction)
      : shared_(std::move(shared)), context_(*shared_, transaction) {}

  AgencyRepository& agencies() override { return agencies_; }
  UserRepository& users() override { return users_; }
  SessionRepository& sessions() override { return sessions_; }
  LoginAttemptRepository& loginAttempts() override { return loginAttempts_; }
  ApplicationRepository& applications() override { return applications_; }
  DocumentRepository& documents() override { return documents_; }
  JobQueue& jobs() override { return jobs_; }
  AuditLog& audit() override { return audit_; }
  Outbox& outbox() override { return outbox_; }
  MembershipRepository& memberships() override { return memberships_; }
  CertificateRepository& certificates() override { return certificates_; }
  RosterRepository& rosters() override { return rosters_; }

  void transaction(const std::function<void(Store&)>& work) override {
    if (context_.transaction() != nullptr) {
      work(*this);
      return;
    }
    WriteTransaction tx(*shared_);
    SqlStore view(shared_, tx.connection());
    work(view);
    tx.commit();
  }

  std::vector<AppliedMigration> migrate(TimePoint now) override;
  std::vector<AppliedMigration> appliedMigrations() override;

 private:
  std::optional<AppliedMigration> applyIfNew(const migrations::Migration& migration, TimePoint now);

  std::shared_ptr<Shared> shared_;
  Context context_;
  SqlAgencies agencies_{context_};
  SqlUsers users_{context_};
  SqlSessions sessions_{context_};
  SqlLoginAttempts loginAttempts_{context_};
  SqlApplications applications_{context_};
  SqlDocuments documents_{context_};
  SqlJobs jobs_{context_};
  SqlAudit audit_{context_};
  SqlOutbox outbox_{context_};
  SqlMemberships memberships_{context_};
  SqlCertificates certificates_{context_};
  SqlRosters rosters_{context_};
};

// Applies `migration` unless it is recorded already; the check, the change and the record are
// one transaction, so two processes migrating at once apply it once.
std::optional<AppliedMigration> SqlStore::applyIfNew(const migrations::Migration& migration,
                                                     TimePoint now) {
  return context_.write([&](Connection& c) -> std::optional<AppliedMigration> {
    if (!c.dialect().lockMigrations.empty()) c.execute(c.dialect().lockMigrations, Params{});
    c.execute(migrations::schemaMigrationsTable(), Params{});
    if (c.query("SELECT version FROM schema_migrations WHERE version = ?", migration.version)
            .rowCount() > 0) {
      return std::nullopt;
    }
    for (const auto statement : migration.statements) {
      c.execute(migrations::render(statement, c.dialect().schema), Params{});
    }
    c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              migration.version, migration.name, now);
    return AppliedMigration{migration.version, std::string(migration.name), now};
  });
}

std::vector<AppliedMigration> SqlStore::migrate(TimePoint now) {
  std::vector<AppliedMigration> applied;
  for (const auto& migration : migrations::all()) {
    if (auto done = applyIfNew(migration, now)) applied.push_back(std::move(*done));
  }
  return applied;
}

std::vector<AppliedMigration> SqlStore::appliedMigrations() {
  return context_.read([](Connection& c) {
    c.execute(migrations::schemaMigrationsTable(), Params{});
    return mapRows(
        c.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
                Params{}),
        [](const Row& row) {
          return AppliedMigration{row.integer("version"), row.text("name"), row.time("applied_at")};
        });
  });
}

}  // namespace

WriteTransaction::WriteTransaction(Shared& shared)
    : shared_(notWritingYet(shared)), loan_(shared.pool.acquire()) {
  if (shared_.serializeWriters) writers_ = std::unique_lock(shared_.writers);
  loan_->execute(shared_.dialect.beginWrite, Params{});
  open_ = true;
  tWriting = &shared_;
}

void WriteTransaction::commit() {
  loan_->execute("COMMIT", Params{});
  open_ = false;
  tWriting = nullptr;
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  tWriting = nullptr;
  try {
    loan_->execute("ROLLBACK", Params{});
  } catch (...) {
    loan_.discard();  // its state is unknown: close it rather than lend it out again
  }
}

std::unique_ptr<Store> openStore(Backend backend) {
  auto shared = std::make_shared<Shared>(std::move(backend.dialect), std::move(backend.connect),
                                         backend.connections, backend.serializeWriters);
  return std::make_unique<SqlStore>(std::move(shared));
}

}  // namespace mkrp::store::sql
