// Memberships, their reminders, and the certificates approvals issue.
#include "core/errors.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

// A withdrawn membership is stored as 'lapsed' with withdrawn_at set (see migration 5).
constexpr std::string_view kMembershipColumns =
    "m.id, m.agency_id, m.application_id, m.started_at, m.expires_at, m.status, m.withdrawn_at";
constexpr std::string_view kMemberAgencyColumns =
    ", a.name AS agency_name, a.kind AS agency_kind, a.state AS agency_state, "
    "a.city AS agency_city, a.ori AS agency_ori, a.created_at AS agency_created_at";
constexpr std::string_view kCertificateColumns =
    "id, application_id, membership_id, agency_id, number, code, recognized_on, valid_through, "
    "issued_at, pdf_sha256, docx_sha256";

std::string selectMemberships(std::string_view where) {
  return "SELECT " + std::string(kMembershipColumns) + " FROM memberships m WHERE " +
         std::string(where);
}

Membership readMembership(const Row& row) {
  Membership m;
  m.id = row.int64("id");
  m.agencyId = row.int64("agency_id");
  m.applicationId = row.int64("application_id");
  m.startedAt = row.time("started_at");
  m.expiresAt = row.time("expires_at");
  m.status = row.isNull("withdrawn_at") ? parseMembershipStatus(row.text("status"))
                                        : MembershipStatus::Withdrawn;
  return m;
}

Member readMember(const Row& row) {
  Member member;
  member.membership = readMembership(row);
  Agency& agency = member.agency;
  agency.id = member.membership.agencyId;
  agency.name = row.text("agency_name");
  agency.kind = parseAgencyKind(row.text("agency_kind"));
  agency.state = row.text("agency_state");
  agency.city = row.text("agency_city");
  agency.ori = row.text("agency_ori");
  agency.createdAt = row.time("agency_created_at");
  return member;
}

Certificate readCertificate(const Row& row) {
  Certificate c;
  c.id = row.int64("id");
  c.applicationId = row.int64("application_id");
  c.membershipId = row.int64("membership_id");
  c.agencyId = row.int64("agency_id");
  c.number = row.text("number");
  c.code = row.text("code");
  c.recognizedOn = row.time("recognized_on");
  c.validThrough = row.time("valid_through");
  c.issuedAt = row.time("issued_at");
  c.pdfSha256 = row.text("pdf_sha256");
  c.docxSha256 = row.text("docx_sha256");
  return c;
}

// The public list's statement and its parameters, with only the filters that are set.
std::string membersSql(const MemberQuery& query, TimePoint now, Params& params) {
  std::string text = "SELECT " + std::string(kMembershipColumns) +
                     std::string(kMemberAgencyColumns) +
                     " FROM memberships m JOIN agencies a ON a.id = m.agency_id "
                     "WHERE m.status = ? AND m.withdrawn_at IS NULL AND m.expires_at > ?";
  params = {param(MembershipStatus::Active), param(now)};
  if (query.kind) {
    text += " AND a.kind = ?";
    params.push_back(param(*query.kind));
  }
  if (query.state) {
    text += " AND a.state = ?";
    params.push_back(param(*query.state));
  }
  if (query.startedFrom) {
    text += " AND m.started_at >= ?";
    params.push_back(param(*query.startedFrom));
  }
  if (query.startedBefore) {
    text += " AND m.started_at < ?";
    params.push_back(param(*query.startedBefore));
  }
  return text + " ORDER BY a.state, a.name, a.id";
}

}  // namespace

Membership SqlMemberships::start(Id agencyId, Id applicationId, TimePoint startedAt,
                                 TimePoint expiresAt) {
  return context_.write([&](Connection& c) {
    const auto inserted = mapFirst(
        c.query("INSERT INTO memberships (agency_id, application_id, started_at, expires_at, "
                "status) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
                agencyId, applicationId, startedAt, expiresAt, MembershipStatus::Active),
        [](const Row& row) { return row.int64("id"); });
    if (!inserted) {
      throw core::ConflictException(
          "This agency's membership is active already; a renewal extends it instead.");
    }
    return Membership{*inserted, agencyId,  applicationId,
                      startedAt, expiresAt, MembershipStatus::Active};
  });
}

std::optional<Membership> SqlMemberships::find(Id id) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(selectMemberships("m.id = ?"), id), readMembership);
  });
}

std::optional<Membership> SqlMemberships::activeForAgency(Id agencyId) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query(selectMemberships("m.agency_id = ? AND m.status = ?"), agencyId,
                            MembershipStatus::Active),
                    readMembership);
  });
}

std::optional<Membership> SqlMemberships::latestForAgency(Id agencyId) {
  return context_.read([&](Connection& c) {
    return mapFirst(
        c.query(selectMemberships("m.agency_id = ? ORDER BY m.id DESC LIMIT 1"), agencyId),
        readMembership);
  });
}

bool SqlMemberships::extend(Id id, TimePoint expiresAt) {
  return context_.write([&](Connection& c) {
    return c.execute("UPDATE memberships SET expires_at = ? WHERE id = ? AND status = ?", expiresAt,
                     id, MembershipStatus::Active) > 0;
  });
}

bool SqlMemberships::lapse(Id id) {
  return context_.write([&](Connection& c) {
    return c.execute("UPDATE memberships SET status = ? WHERE id = ? AND status = ?",
                     MembershipStatus::Lapsed, id, MembershipStatus::Active) > 0;
  });
}

bool SqlMemberships::lapseExpired(Id id, TimePoint now) {
  return context_.write([&](Connection& c) {
    return c.execute(
               "UPDATE memberships SET status = ? WHERE id = ? AND status = ? AND expires_at <= ?",
               MembershipStatus::Lapsed, id, MembershipStatus::Active, now) > 0;
  });
}

bool SqlMemberships::reinstate(Id id, TimePoint expiresAt) {
  return context_.write([&](Connection& c) {
    return c.execute(
               "UPDATE memberships SET status = ?, expires_at = ? "
               "WHERE id = ? AND status = ? AND withdrawn_at IS NULL",
               MembershipStatus::Active, expiresAt, id, MembershipStatus::Lapsed) > 0;
  });
}

bool SqlMemberships::withdraw(Id id, TimePoint at) {
  return context_.write([&](Connection& c) {
    return c.execute(
               "UPDATE memberships SET status = ?, withdrawn_at = ? "
               "WHERE id = ? AND withdrawn_at IS NULL",
               MembershipStatus::Lapsed, at, id) > 0;
  });
}

std::vector<Membership> SqlMemberships::activeExpiringBefore(TimePoint before) {
  return context_.read([&](Connection& c) {
    return mapRows(c.query(selectMemberships("m.status = ? AND m.expires_at < ? "
                                             "ORDER BY m.expires_at, m.id"),
                           MembershipStatus::Active, before),
                   readMembership);
  });
}

std::vector<Member> SqlMemberships::members(const MemberQuery& query, TimePoint now) {
  Params params;
  const std::string text = membersSql(query, now, params);
  return context_.read([&](Connection& c) { return mapRows(c.query(text, params), readMember); });
}

bool SqlMemberships::recordReminder(Id id, std::string_view key, TimePoint now) {
  return context_.write([&](Connection& c) {
    return c.query(
                "INSERT INTO membership_reminders (membership_id, reminder, sent_at) "
                "VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING membership_id",
                id, key, now)
               .rowCount() > 0;
  });
}

Certificate SqlCertificates::add(const NewCertificate& n) {
  return context_.write([&](Connection& c) {
    auto added = mapFirst(
        c.query("INSERT INTO certificates (application_id, membership_id, agency_id, number, code, "
                "recognized_on, valid_through, issued_at, pdf_sha256, docx_sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING " +
                    std::string(kCertificateColumns),
                n.applicationId, n.membershipId, n.agencyId, n.number, n.code, n.recognizedOn,
                n.validThrough, n.issuedAt, n.pdfSha256, n.docxSha256),
        readCertificate);
    if (!added) {
      throw core::ConflictException("Application " + std::to_string(n.applicationId) +
                                    " has a certificate already, or its number or code is taken.");
    }
    return std::move(*added);
  });
}

std::optional<Certificate> SqlCertificates::forApplication(Id applicationId) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query("SELECT " + std::string(kCertificateColumns) +
                                " FROM certificates WHERE application_id = ?",
                            applicationId),
                    readCertificate);
  });
}

std::optional<Certificate> SqlCertificates::findByCode(std::string_view code) {
  return context_.read([&](Connection& c) {
    return mapFirst(
        c.query("SELECT " + std::string(kCertificateColumns) + " FROM certificates WHERE code = ?",
                code),
        readCertificate);
  });
}

}  // namespace mkrp::store::sql
