// The training roster of an application round: upload, removal, download, and its findings
// beside the directives' pre-check (see the header comment of applications.h).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/errors.h"
#include "store/blob_store.h"
#include "workflow/applications.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/errors.h"
#include "workflow/prechecker.h"
#include "workflow/roster_items.h"
#include "workflow/rules.h"

namespace mkrp::workflow {

using store::Application;
using store::Id;

namespace {

void requirePreparing(const Application& application) {
  if (!beingPrepared(application)) {
    throw core::ConflictException("Application " + std::to_string(application.id) + " is " +
                                  std::string(toString(application.status)) +
                                  ". Its training roster can be changed only while it is a draft "
                                  "or after it has been returned.");
  }
}

std::string tooLargeMessage(std::uint64_t limit) {
  return "The training roster is larger than the " + std::to_string((limit + 1023) >> 10) +
         " KiB allowed. Upload the roster as a CSV file with one row per person.";
}

// The round the details of an "application.submitted" audit entry name, or 0.
int submittedRound(const store::AuditEntry& entry) {
  if (entry.action != "application.submitted") return 0;
  try {
    const auto details =
        Poco::JSON::Parser().parse(entry.detailsJson).extract<Poco::JSON::Object::Ptr>();
    return details->optValue<int>("round", 0);
  } catch (const Poco::Exception&) {
    return 0;
  }
}

}  // namespace

std::string rosterTemplate(store::AgencyKind kind) { return detail::rosterTemplateCsv(kind); }

store::TimePoint Applications::rosterDay(const Application& application, int round) {
  if (beingPrepared(application) && round == documentsRound(application)) return clock_.now();
  if (round == application.round && application.submittedAt) return *application.submittedAt;
  // An earlier round: the day it was submitted is in the audit log.
  for (const store::AuditEntry& entry : store_.audit().forEntity("application", application.id)) {
    if (submittedRound(entry) == round) return entry.at;
  }
  return application.submittedAt.value_or(clock_.now());
}

std::optional<std::string> Applications::fullPrecheck(
    const Application& application, const store::Agency& agency, int round,
    const std::vector<store::DocumentRecord>& documents) {
  std::optional<std::string> report = precheckOf(application.id, round, agency.kind, documents);
  if (!report) return report;
  const std::optional<store::RosterRecord> stored = store_.rosters().find(application.id, round);
  check::roster::CheckOptions options;
  options.kind = toCoreKind(agency.kind);
  options.today = detail::dayOf(rosterDay(application, round));
  options.renewalSince = detail::renewalSinceFor(
      application.type, application.type == store::ApplicationType::Renewal
                            ? store_.memberships().latestForAgency(agency.id)
                            : std::nullopt);
  std::optional<std::string> csv;
  if (stored) {
    options.file = stored->filename;
    csv = blobs_.get(stored->blobSha256);
  }
  return detail::withTrainingItems(*report, detail::trainingFindings(csv, options));
}

store::RosterRecord Applications::uploadRoster(const Actor& actor, Id applicationId,
                                               std::string_view filename, std::string_view bytes) {
  const Application before = ownApplication(store_, actor, applicationId);
  if (bytes.size() > options_.maxRosterBytes) {
    throw core::LimitExceededException(tooLargeMessage(options_.maxRosterBytes));
  }
  requirePreparing(before);
  const store::Agency agency = store_.agencies().get(before.agencyId);
  const store::TimePoint now = clock_.now();
  const check::roster::ParseResult parsed =
      check::roster::parseRoster(bytes, toCoreKind(agency.kind), detail::dayOf(now));
  if (!parsed.ok()) {
    throw RosterRejectedException(detail::rejectionMessage(parsed.problems),
                                  detail::fileProblems(parsed.problems));
  }
  store::NewRoster roster;
  roster.applicationId = applicationId;
  roster.filename = detail::displayFilename(filename);
  roster.size = static_cast<std::int64_t>(bytes.size());
  roster.uploadedBy = actor.userId;
  roster.blobSha256 = blobs_.put(bytes);
  return store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, applicationId);
    requirePreparing(application);
    roster.round = documentsRound(application);
    store::RosterRecord stored = tx.rosters().put(roster, now);
    detail::audit(tx, now, actor.userId, "roster.uploaded", "application", applicationId,
                  detail::Details()
                      .add("round", stored.round)
                      .add("filename", stored.filename)
                      .add("sha256", stored.blobSha256)
                      .add("size", stored.size)
                      .add("people", static_cast<long long>(parsed.roster.people.size())));
    return stored;
  });
}

void Applications::removeRoster(const Actor& actor, Id applicationId) {
  const store::TimePoint now = clock_.now();
  store_.transaction([&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, applicationId);
    requirePreparing(application);
    const int round = documentsRound(application);
    const std::optional<store::RosterRecord> roster = tx.rosters().find(applicationId, round);
    if (!roster || !tx.rosters().remove(applicationId, round)) {
      throw core::NotFoundException("Application " + std::to_string(applicationId) +
                                    " has no training roster to remove.");
    }
    detail::audit(tx, now, actor.userId, "roster.removed", "application", applicationId,
                  detail::Details().add("round", round).add("filename", roster->filename));
  });
}

RosterDownload Applications::roster(const Actor& actor, Id applicationId) {
  const bool agencyStaff = actor.role == store::Role::Agency;
  const Application application = agencyStaff ? ownApplication(store_, actor, applicationId)
                                              : reviewable(store_, actor, applicationId);
  const int round = agencyStaff ? documentsRound(application) : application.round;
  const std::optional<store::RosterRecord> stored = store_.rosters().find(applicationId, round);
  if (!stored) {
    throw core::NotFoundException("Application " + std::to_string(applicationId) +
                                  " has no training roster.");
  }
  return {stored->filename, blobs_.get(stored->blobSha256)};
}

}  // namespace mkrp::workflow
