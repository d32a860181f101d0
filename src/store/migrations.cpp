#include "store/migrations.h"

#include <Poco/Exception.h>

namespace mkrp::store::migrations {
namespace {

// Version 1.
const Migration kAccounts{1,
                          "agencies, users, sessions and sign-in failures",
                          {
                              R"(CREATE TABLE agencies (
  id {ID},
  name TEXT NOT NULL CHECK (name <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('le', 'psap')),
  state TEXT NOT NULL,
  city TEXT NOT NULL DEFAULT '',
  ori TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
))",
                              "CREATE INDEX agencies_kind_state ON agencies (kind, state)",
                              R"(CREATE TABLE users (
  id {ID},
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE CHECK (email_key <> ''),
  role TEXT NOT NULL CHECK (role IN ('agency', 'reviewer', 'admin')),
  agency_id BIGINT REFERENCES agencies (id),
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
))",
                              "CREATE INDEX users_role ON users (role, email_key)",
                              R"(CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
))",
                              "CREATE INDEX sessions_user ON sessions (user_id)",
                              "CREATE INDEX sessions_expires ON sessions (expires_at)",
                              R"(CREATE TABLE login_failures (
  id {ID},
  email_key TEXT NOT NULL,
  ip TEXT NOT NULL,
  at BIGINT NOT NULL
))",
                              "CREATE INDEX login_failures_email ON login_failures (email_key, at)",
                              "CREATE INDEX login_failures_ip ON login_failures (ip, at)",
                              "CREATE INDEX login_failures_at ON login_failures (at)",
                          }};

// Version 2.
const Migration kApplications{
    2,
    "applications, item decisions, documents and the job queue",
    {
        R"(CREATE TABLE applications (
  id {ID},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  type TEXT NOT NULL CHECK (type IN ('initial', 'renewal')),
  status TEXT NOT NULL CHECK (status IN
    ('draft', 'submitted', 'in_review', 'returned', 'approved', 'withdrawn')),
  round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT,
  decided_at BIGINT,
  assignee_id BIGINT REFERENCES users (id),
  claimed_at BIGINT,
  reviewer_message TEXT NOT NULL DEFAULT ''
))",
        // At most one open application per agency, enforced where every instance sees it.
        R"(CREATE UNIQUE INDEX applications_one_open ON applications (agency_id)
  WHERE status IN ('draft', 'submitted', 'in_review', 'returned'))",
        // The reviewers' queue, already in its order: a page is read, not sorted. (An index on
        // (status, submitted_at) would tempt SQLite's planner to read both statuses and sort.)
        R"(CREATE INDEX applications_waiting ON applications (submitted_at, id)
  WHERE status IN ('submitted', 'in_review'))",
        "CREATE INDEX applications_agency ON applications (agency_id, id)",
        "CREATE INDEX applications_assignee ON applications (assignee_id)",
        R"(CREATE TABLE item_decisions (
  application_id BIGINT NOT NULL REFERENCES applications (id),
  round INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'deficient')),
  comment TEXT NOT NULL DEFAULT '',
  reviewer_id BIGINT NOT NULL REFERENCES users (id),
  overridden_status TEXT NOT NULL DEFAULT '',
  decided_at BIGINT NOT NULL,
  PRIMARY KEY (application_id, round, item_id)
))",
        R"(CREATE TABLE documents (
  id {ID},
  application_id BIGINT NOT NULL REFERENCES applications (id),
  round INTEGER NOT NULL,
  filename TEXT NOT NULL,
  format TEXT NOT NULL,
  blob_sha256 TEXT NOT NULL CHECK (length(blob_sha256) = 64),
  size BIGINT NOT NULL CHECK (size >= 0),
  uploaded_by BIGINT REFERENCES users (id),
  status TEXT NOT NULL CHECK (status IN ('queued', 'extracting', 'checked', 'unreadable')),
  message TEXT NOT NULL DEFAULT '',
  uploaded_at BIGINT NOT NULL,
  checked_at BIGINT,
  document_json TEXT,
  findings_json TEXT
))",
        "CREATE INDEX documents_application ON documents (application_id, round, id)",
        R"(CREATE TABLE jobs (
  id {ID},
  kind TEXT NOT NULL CHECK (kind <> ''),
  document_id BIGINT REFERENCES documents (id) ON DELETE CASCADE,
  payload TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_expires_at BIGINT,
  run_after BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  finished_at BIGINT
))",
        // Claiming looks only at unfinished jobs, however many finished ones accumulate.
        "CREATE INDEX jobs_queued ON jobs (id) WHERE state = 'queued'",
        "CREATE INDEX jobs_leased ON jobs (lease_expires_at) WHERE state = 'leased'",
        "CREATE INDEX jobs_document ON jobs (document_id)",
    }};

// Version 3.
const Migration kRecords{
    3,
    "audit log and notification outbox",
    {
        R"(CREATE TABLE audit_log (
  id {ID},
  at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES users (id),
  action TEXT NOT NULL CHECK (action <> ''),
  entity_type TEXT NOT NULL,
  entity_id BIGINT,
  details_json TEXT NOT NULL DEFAULT '{}'
))",
        "CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id)",
        R"(CREATE TABLE outbox (
  id {ID},
  recipient TEXT NOT NULL CHECK (recipient <> ''),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner TEXT,
  lease_expires_at BIGINT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  finished_at BIGINT
))",
        "CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending'",
        "CREATE INDEX outbox_sending ON outbox (lease_expires_at) WHERE state = 'sending'",
    }};

// Version 4.
const Migration kMemberships{
    4,
    "memberships and renewal reminders",
    {
        R"(CREATE TABLE memberships (
  id {ID},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  application_id BIGINT NOT NULL REFERENCES applications (id),
  started_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'lapsed'))
))",
        R"(CREATE UNIQUE INDEX memberships_one_active ON memberships (agency_id)
  WHERE status = 'active')",
        "CREATE INDEX memberships_expiry ON memberships (status, expires_at)",
        // One row per reminder sent: the primary key makes each reminder happen once.
        R"(CREATE TABLE membership_reminders (
  membership_id BIGINT NOT NULL REFERENCES memberships (id),
  reminder TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (membership_id, reminder)
))",
    }};

// Version 5. Version 4's status CHECK allows only 'active' and 'lapsed', and SQLite cannot widen
// a CHECK without rebuilding the table (which reminders reference), so a withdrawal is stored as
// status 'lapsed' with withdrawn_at set; the store reads it back as MembershipStatus::Withdrawn.
const Migration kRecognition{
    5,
    "certificates and media releases, withdrawn memberships",
    {
        "ALTER TABLE memberships ADD COLUMN withdrawn_at BIGINT",
        // The public list and the newly recognized, by when they were recognized.
        "CREATE INDEX memberships_started ON memberships (started_at) WHERE status = 'active'",
        R"(CREATE TABLE certificates (
  id {ID},
  application_id BIGINT NOT NULL UNIQUE REFERENCES applications (id),
  membership_id BIGINT NOT NULL REFERENCES memberships (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  recognized_on BIGINT NOT NULL,
  valid_through BIGINT NOT NULL,
  issued_at BIGINT NOT NULL,
  pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
  docx_sha256 TEXT NOT NULL CHECK (length(docx_sha256) = 64)
))",
        "CREATE INDEX certificates_membership ON certificates (membership_id)",
    }};

// Version 6. The training roster of one round of an application: the CSV itself is in the blob
// store; uploading again replaces the row (one roster per round).
const Migration kRosters{6,
                         "training rosters of application rounds",
                         {
                             R"(CREATE TABLE rosters (
  application_id BIGINT NOT NULL REFERENCES applications (id),
  round INTEGER NOT NULL CHECK (round >= 1),
  filename TEXT NOT NULL,
  blob_sha256 TEXT NOT NULL CHECK (length(blob_sha256) = 64),
  size BIGINT NOT NULL,
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  PRIMARY KEY (application_id, round)
))",
                         }};

struct Placeholder {
  std::string_view name;
  std::string_view sqlite;
  std::string_view postgresql;
};

// Every dialect difference in the schema.
constexpr Placeholder kPlaceholders[] = {
    {"ID", "INTEGER PRIMARY KEY AUTOINCREMENT",
     "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
};

// Placeholders are {UPPER_CASE}; anything else in braces is literal SQL text.
bool isPlaceholderName(std::string_view name) {
  return !name.empty() &&
         name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == std::string_view::npos;
}

std::string_view fill(std::string_view name, Dialect dialect) {
  for (const auto& placeholder : kPlaceholders) {
    if (placeholder.name == name) {
      return dialect == Dialect::Sqlite ? placeholder.sqlite : placeholder.postgresql;
    }
  }
  throw Poco::NotFoundException("Unknown placeholder {" + std::string(name) + "} in a migration.");
}

}  // namespace

const std::vector<Migration>& all() {
  static const std::vector<Migration> kAll{kAccounts,    kApplications, kRecords,
                                           kMemberships, kRecognition,  kRosters};
  return kAll;
}

std::string_view schemaMigrationsTable() {
  return R"(CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
))";
}

std::string render(std::string_view statement, Dialect dialect) {
  std::string out;
  out.reserve(statement.size() + 64);
  std::size_t pos = 0;
  while (true) {
    const auto open = statement.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(statement.substr(pos));
      return out;
    }
    out.append(statement.substr(pos, open - pos));
    const auto close = statement.find('}', open);
    const auto name = close == std::string_view::npos
                          ? std::string_view{}
                          : statement.substr(open + 1, close - open - 1);
    if (isPlaceholderName(name)) {
      out.append(fill(name, dialect));
      pos = close + 1;
    } else {  // a literal brace, such as the '{}' of an empty JSON object
      out.push_back('{');
      pos = open + 1;
    }
  }
}

}  // namespace mkrp::store::migrations
