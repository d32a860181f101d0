// The training roster of each application round.
#include "core/errors.h"
#include "store/sql/repositories.h"

namespace mkrp::store::sql {
namespace {

constexpr std::string_view kRosterColumns =
    "application_id, round, filename, blob_sha256, size, uploaded_by, uploaded_at";

RosterRecord readRoster(const Row& row) {
  RosterRecord r;
  r.applicationId = row.int64("application_id");
  r.round = row.integer("round");
  r.filename = row.text("filename");
  r.blobSha256 = row.text("blob_sha256");
  r.size = row.int64("size");
  r.uploadedBy = row.optionalInt64("uploaded_by");
  r.uploadedAt = row.time("uploaded_at");
  return r;
}

}  // namespace

RosterRecord SqlRosters::put(const NewRoster& roster, TimePoint at) {
  return context_.write([&](Connection& c) {
    if (c.query("SELECT id FROM applications WHERE id = ?", roster.applicationId).rowCount() == 0) {
      throw core::NotFoundException("There is no application with id " +
                                    std::to_string(roster.applicationId) + ".");
    }
    // One statement, so the round never has no roster between the old one and the new one.
    return readRoster(Row(
        c.query("INSERT INTO rosters (" + std::string(kRosterColumns) +
                    ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id, round) DO UPDATE "
                    "SET filename = excluded.filename, blob_sha256 = excluded.blob_sha256, "
                    "size = excluded.size, uploaded_by = excluded.uploaded_by, "
                    "uploaded_at = excluded.uploaded_at RETURNING " +
                    std::string(kRosterColumns),
                roster.applicationId, roster.round, roster.filename, roster.blobSha256, roster.size,
                roster.uploadedBy, at),
        0));
  });
}

std::optional<RosterRecord> SqlRosters::find(Id applicationId, int round) {
  return context_.read([&](Connection& c) {
    return mapFirst(c.query("SELECT " + std::string(kRosterColumns) +
                                " FROM rosters WHERE application_id = ? AND round = ?",
                            applicationId, round),
                    readRoster);
  });
}

bool SqlRosters::remove(Id applicationId, int round) {
  return context_.write([&](Connection& c) {
    return c.execute("DELETE FROM rosters WHERE application_id = ? AND round = ?", applicationId,
                     round) > 0;
  });
}

}  // namespace mkrp::store::sql
