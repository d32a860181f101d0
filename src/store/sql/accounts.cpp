// Agencies, users, sessions and sign-in failures.
#include "core/errors.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

constexpr std::string_view kAgencyColumns = "id, name, kind, state, city, ori, created_at";
constexpr std::string_view kUserColumns = "id, email, role, agency_id, password_hash, created_at";
constexpr std::string_view kSessionColumns =
    "token_hash, user_id, csrf_token, created_at, expires_at";

std::string sql(std::string_view head, std::string_view columns, std::string_view tail = "") {
  return std::string(head) + std::string(columns) + std::string(tail);
}

Agency readAgency(const Row& row) {
  Agency agency;
  agency.id = row.int64("id");
  agency.name = row.text("name");
  agency.kind = parseAgencyKind(row.text("kind"));
  agency.state = row.text("state");
  agency.city = row.text("city");
  agency.ori = row.text("ori");
  agency.createdAt = row.time("created_at");
  return agency;
}

User readUser(const Row& row) {
  User user;
  user.id = row.int64("id");
  user.email = row.text("email");
  user.role = parseRole(row.text("role"));
  user.agencyId = row.optionalInt64("agency_id");
  user.passwordHash = row.text("password_hash");
  user.createdAt = row.time("created_at");
  return user;
}

LoginSession readSession(const Row& row) {
  return LoginSession{row.text("token_hash"), row.int64("user_id"), row.text("csrf_token"),
                      row.time("created_at"), row.time("expires_at")};
}

core::NotFoundException noAgency(Id id) {
  return core::NotFoundException("There is no agency with id " + std::to_string(id) +
                                 ". Check the number, or add the agency first.");
}

core::NotFoundException noUser(Id id) {
  return core::NotFoundException("There is no user with id " + std::to_string(id) + ".");
}

}  // namespace

Agency SqlAgencies::add(const NewAgency& agency, TimePoint now) {
  return context_.write([&](Connection& c) {
    return readAgency(
        Row(c.query(sql("INSERT INTO agencies (name, kind, state, city, ori, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?) RETURNING ",
                        kAgencyColumns),
                    agency.name, agency.kind, agency.state, agency.city, agency.ori, now),
            0));
  });
}

std::optional<Agency> SqlAgencies::find(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kAgencyColumns, " FROM agencies WHERE id = ?"), id),
                    readAgency);
  });
}

Agency SqlAgencies::get(Id id) {
  if (auto agency = find(id)) return std::move(*agency);
  throw noAgency(id);
}

std::vector<Agency> SqlAgencies::list() {
  return context_.read([&](Connection& c) {
    return mapRows(
        c.query(sql("SELECT ", kAgencyColumns, " FROM agencies ORDER BY name, id"), Params{}),
        readAgency);
  });
}

void SqlAgencies::update(const Agency& agency) {
  const auto changed = context_.write([&](Connection& c) {
    return c.execute(
        "UPDATE agencies SET name = ?, kind = ?, state = ?, city = ?, ori = ? WHERE id = ?",
        agency.name, agency.kind, agency.state, agency.city, agency.ori, agency.id);
  });
  if (changed == 0) throw noAgency(agency.id);
}

User SqlUsers::add(const NewUser& user, TimePoint now) {
  return context_.write([&](Connection& c) {
    if (user.agencyId &&
        c.query("SELECT id FROM agencies WHERE id = ?", *user.agencyId).rowCount() == 0) {
      throw noAgency(*user.agencyId);
    }
    auto inserted = mapFirst(
        c.query(sql("INSERT INTO users (email, email_key, role, agency_id, password_hash, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING ",
                    kUserColumns),
                user.email, emailKey(user.email), user.role, user.agencyId, user.passwordHash, now),
        readUser);
    if (!inserted) {
      throw core::ConflictException("An account for " + user.email +
                                    " exists already. Use that account, or another address.");
    }
    return std::move(*inserted);
  });
}

User SqlUsers::get(Id id) {
  auto user = context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kUserColumns, " FROM users WHERE id = ?"), id),
                    readUser);
  });
  if (!user) throw noUser(id);
  return std::move(*user);
}

std::optional<User> SqlUsers::findByEmail(std::string_view email) {
  return context_.read([&](Connection& c) {
    return mapFirst(
        c.query(sql("SELECT ", kUserColumns, " FROM users WHERE email_key = ?"), emailKey(email)),
        readUser);
  });
}

std::vector<User> SqlUsers::listByRole(Role role) {
  return context_.read([&](Connection& c) {
    return mapRows(
        c.query(sql("SELECT ", kUserColumns, " FROM users WHERE role = ? ORDER BY email_key"),
                role),
        readUser);
  });
}

void SqlUsers::setPasswordHash(Id id, std::string_view passwordHash) {
  const auto changed = context_.write([&](Connection& c) {
    return c.execute("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id);
  });
  if (changed == 0) throw noUser(id);
}

void SqlSessions::create(const LoginSession& session) {
  const bool inserted = context_.write([&](Connection& c) {
    return c.query(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                "RETURNING token_hash",
                session.tokenHash, session.userId, session.csrfToken, session.createdAt,
                session.expiresAt)
               .rowCount() > 0;
  });
  if (!inserted) throw core::ConflictException("That session token is in use already.");
}

std::optional<LoginSession> SqlSessions::find(std::string_view tokenHash, TimePoint now) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(sql("SELECT ", kSessionColumns,
                                " FROM sessions WHERE token_hash = ? AND expires_at > ?"),
                            tokenHash, now),
                    readSession);
  });
}

bool SqlSessions::extend(std::string_view tokenHash, TimePoint expiresAt) {
  return context_.write([&](Connection& c) {
    return c.execute("UPDATE sessions SET expires_at = ? WHERE token_hash = ?", expiresAt,
                     tokenHash) > 0;
  });
}

bool SqlSessions::remove(std::string_view tokenHash) {
  return context_.write([&](Connection& c) {
    return c.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash) > 0;
  });
}

std::int64_t SqlSessions::removeForUser(Id userId) {
  return context_.write([&](Connection& c) {
    return static_cast<std::int64_t>(c.execute("DELETE FROM sessions WHERE user_id = ?", userId));
  });
}

std::int64_t SqlSessions::removeExpired(TimePoint now) {
  return context_.write([&](Connection& c) {
    return static_cast<std::int64_t>(c.execute("DELETE FROM sessions WHERE expires_at <= ?", now));
  });
}

void SqlLoginAttempts::recordFailure(std::string_view email, std::string_view ip, TimePoint at) {
  context_.write([&](Connection& c) {
    c.execute("INSERT INTO login_failures (email_key, ip, at) VALUES (?, ?, ?)", emailKey(email),
              ip, at);
  });
}

std::int64_t SqlLoginAttempts::failuresForEmail(std::string_view email, TimePoint since) {
  return context_.read([&](Connection& c) {
    return Row(c.query("SELECT COUNT(*) AS n FROM login_failures WHERE email_key = ? AND at >= ?",
                       emailKey(email), since),
               0)
        .int64("n");
  });
}

std::int64_t SqlLoginAttempts::failuresFromIp(std::string_view ip, TimePoint since) {
  return context_.read([&](Connection& c) {
    return Row(c.query("SELECT COUNT(*) AS n FROM login_failures WHERE ip = ? AND at >= ?", ip,
                       since),
               0)
        .int64("n");
  });
}

void SqlLoginAttempts::clearEmail(std::string_view email) {
  context_.write([&](Connection& c) {
    c.execute("DELETE FROM login_failures WHERE email_key = ?", emailKey(email));
  });
}

std::int64_t SqlLoginAttempts::pruneBefore(TimePoint before) {
  return context_.write([&](Connection& c) {
    return static_cast<std::int64_t>(c.execute("DELETE FROM login_failures WHERE at < ?", before));
  });
}

}  // namespace mkrp::store::sql
