#include "workflow/applications.h"

#include <algorithm>
#include <map>

#include "core/document_json.h"
#include "core/errors.h"
#include "store/blob_store.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/errors.h"
#include "workflow/notifications.h"
#include "workflow/prechecker.h"
#include "workflow/rules.h"

namespace mkrp::workflow {

using store::Application;
using store::ApplicationStatus;
using store::Id;

namespace {

constexpr std::size_t kMaxDocumentsPerRound = 20;
constexpr std::size_t kMaxCommentBytes = 4000;
constexpr std::size_t kMaxMessageBytes = 20000;
constexpr std::size_t kPrecheckCacheSize = 256;

[[noreturn]] void noSuchApplication(Id id) {
  throw core::NotFoundException("There is no application " + std::to_string(id) + ".");
}

void requireAgencyStaff(const Actor& actor) {
  if (actor.role != store::Role::Agency || !actor.agencyId) {
    throw ForbiddenException("Only agency staff can do this; reviewers work from the queue.");
  }
}

void requireReviewer(const Actor& actor) {
  if (actor.role != store::Role::Reviewer) {
    throw ForbiddenException("Only reviewers can do this.");
  }
}

void requireReviewerOrAdmin(const Actor& actor) {
  if (actor.role != store::Role::Reviewer && actor.role != store::Role::Admin) {
    throw ForbiddenException("Only reviewers can see the queue and submitted applications.");
  }
}

void requireEditable(const Application& application) {
  if (!beingPrepared(application)) {
    throw core::ConflictException("Application " + std::to_string(application.id) + " is " +
                                  std::string(toString(application.status)) +
                                  ". Its documents can be changed only while it is a draft or "
                                  "after it has been returned.");
  }
}

// The claim must be the actor's and the application in review.
void requireHeld(const Application& application, const Actor& actor) {
  const std::string name = "Application " + std::to_string(application.id);
  if (application.status != ApplicationStatus::InReview) {
    throw core::ConflictException(name + " is " + std::string(toString(application.status)) +
                                  ", not in review, so it cannot be decided now.");
  }
  if (application.assigneeId != actor.userId) {
    throw core::ConflictException(name + " is not claimed by you. Claim it from the queue first.");
  }
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void requireAtMost(std::string_view text, std::size_t limit, std::string_view what) {
  if (text.size() > limit) {
    throw InvalidRequestException("The " + std::string(what) + " is too long: keep it under " +
                                  std::to_string(limit) + " characters.");
  }
}

// Why a document stops a submission, or empty when it does not.
std::string blockingReason(const store::DocumentRecord& document) {
  switch (document.status) {
    case store::DocumentStatus::Checked:
      return {};
    case store::DocumentStatus::Queued:
    case store::DocumentStatus::Extracting:
      return "'" + document.filename +
             "' is still being checked. Submit when every document shows its pre-check.";
    case store::DocumentStatus::Unreadable:
      return "'" + document.filename + "' could not be read (" + document.message +
             "). Remove it, or replace it with a readable copy, before submitting.";
  }
  return {};
}

void requireSubmittable(const std::vector<store::DocumentRecord>& documents) {
  if (documents.empty()) {
    throw core::ConflictException("Upload at least one directive before submitting.");
  }
  for (const store::DocumentRecord& document : documents) {
    if (std::string reason = blockingReason(document); !reason.empty()) {
      throw core::ConflictException(reason);
    }
  }
}

std::string tooLargeMessage(std::uint64_t size, std::uint64_t limit) {
  const auto mib = [](std::uint64_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20);
  };
  return "The file is " + mib(size) + " MiB, more than the " + mib(limit) +
         " MiB allowed. Remove scanned images or split the directive into smaller files.";
}

std::string deficientItems(const std::vector<store::ItemDecision>& decisions) {
  std::string items;
  for (const store::ItemDecision& decision : decisions) {
    if (decision.decision != store::Decision::Deficient) continue;
    if (!items.empty()) items += ", ";
    items += decision.itemId;
  }
  return items;
}

// A return needs a deficient item; an approval must have none. `deficient` lists them.
void requireDecidable(FinalDecision decision, const std::string& deficient) {
  if (decision == FinalDecision::Return && deficient.empty()) {
    throw InvalidRequestException(
        "Mark at least one item deficient, with a comment, before returning the application.");
  }
  if (decision == FinalDecision::Approve && !deficient.empty()) {
    throw InvalidRequestException("These items are marked deficient: " + deficient +
                                  ". Accept them, or return the application instead.");
  }
}

// A returned application keeps its documents and its training roster for the next round unless
// the agency replaces them.
void carryDocumentsForward(store::Store& tx, const Application& application) {
  for (const store::DocumentRecord& document :
       tx.documents().listForRound(application.id, application.round)) {
    tx.documents().copyToRound(document.id, application.round + 1);
  }
  if (std::optional<store::RosterRecord> roster =
          tx.rosters().find(application.id, application.round)) {
    roster->round = application.round + 1;
    tx.rosters().put(*roster, roster->uploadedAt);
  }
}

}  // namespace

int documentsRound(const Application& application) {
  return application.status == ApplicationStatus::Returned ? application.round + 1
                                                           : application.round;
}

bool beingPrepared(const Application& application) {
  return application.status == ApplicationStatus::Draft ||
         application.status == ApplicationStatus::Returned;
}

// The pre-check of several documents read together is computed when asked for and kept, keyed by
// the documents it was made from, so a page view does not re-run it.
struct Applications::PrecheckCache {
  std::mutex mutex;
  std::map<std::string, std::string> entries;  // key: documents and their check times
};

Applications::Applications(store::Store& store, const store::BlobStore& blobs,
                           const Prechecker& prechecker, const Clock& clock,
                           ApplicationsOptions options)
    : store_(store),
      blobs_(blobs),
      prechecker_(prechecker),
      clock_(clock),
      options_(std::move(options)),
      recognition_(store, blobs, clock, {options_.membershipYears, options_.publicUrl}),
      cache_(std::make_unique<PrecheckCache>()) {}

Applications::~Applications() = default;

Application Applications::ownApplication(store::Store& tx, const Actor& actor, Id id) {
  requireAgencyStaff(actor);
  const std::optional<Application> application = tx.applications().find(id);
  if (!application || application->agencyId != actor.agencyId) noSuchApplication(id);
  return *application;
}

Application Applications::reviewable(store::Store& tx, const Actor& actor, Id id) {
  requireReviewerOrAdmin(actor);
  const std::optional<Application> application = tx.applications().find(id);
  if (!application || !application->submittedAt) noSuchApplication(id);
  return *application;
}

Application Applications::create(const Actor& actor, store::ApplicationType type) {
  requireAgencyStaff(actor);
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    Application created = tx.applications().create(*actor.agencyId, type, now);
    detail::audit(tx, now, actor.userId, "application.created", "application", created.id,
                  detail::Details().add("type", toString(type)));
    return created;
  });
}

std::vector<Application> Applications::listOwn(const Actor& actor) {
  requireAgencyStaff(actor);
  return store_.applications().listForAgency(*actor.agencyId);
}

std::optional<std::string> Applications::precheckOf(
    Id applicationId, int round, store::AgencyKind kind,
    const std::vector<store::DocumentRecord>& documents) {
  if (documents.empty()) return std::nullopt;
  std::string key = std::to_string(applicationId) + "/" + std::to_string(round);
  for (const store::DocumentRecord& document : documents) {
    if (document.status != store::DocumentStatus::Checked) return std::nullopt;
    key +=
        ":" + std::to_string(document.id) + "@" +
        std::to_string(document.checkedAt.value_or(store::TimePoint{}).time_since_epoch().count());
  }
  if (documents.size() == 1) {
    const std::optional<store::DocumentResults> results =
        store_.documents().results(documents[0].id);
    if (!results) return std::nullopt;
    return results->findingsJson;
  }
  {
    const std::lock_guard lock(cache_->mutex);
    if (auto found = cache_->entries.find(key); found != cache_->entries.end())
      return found->second;
  }
  std::vector<core::SubmittedFile> files;
  for (const store::DocumentRecord& document : documents) {
    const std::optional<store::DocumentResults> results = store_.documents().results(document.id);
    if (!results) return std::nullopt;
    files.push_back({document.filename, core::documentFromJson(results->documentJson)});
  }
  std::string json = prechecker_.runJson(kind, files);
  const std::lock_guard lock(cache_->mutex);
  if (cache_->entries.size() >= kPrecheckCacheSize) cache_->entries.clear();
  cache_->entries.emplace(std::move(key), json);
  return json;
}

ApplicationView Applications::view(const Actor& actor, Id id) {
  ApplicationView view;
  const bool agencyStaff = actor.role == store::Role::Agency;
  view.application =
      agencyStaff ? ownApplication(store_, actor, id) : reviewable(store_, actor, id);
  const Application& application = view.application;
  view.agency = store_.agencies().get(application.agencyId);
  view.documentsRound = agencyStaff ? documentsRound(application) : application.round;
  view.documents = store_.documents().listForRound(id, view.documentsRound);
  view.roster = store_.rosters().find(id, view.documentsRound);
  view.precheckJson = fullPrecheck(application, view.agency, view.documentsRound, view.documents);
  if (view.documentsRound > 1 && view.precheckJson) {
    const std::optional<std::string> previous =
        fullPrecheck(application, view.agency, view.documentsRound - 1,
                     store_.documents().listForRound(id, view.documentsRound - 1));
    if (previous) {
      view.changes = detail::changedItems(detail::itemOutcomes(*previous),
                                          detail::itemOutcomes(*view.precheckJson));
    }
  }
  const bool decided = application.status == ApplicationStatus::Returned ||
                       application.status == ApplicationStatus::Approved;
  if (!agencyStaff || decided) {
    view.decisions = store_.applications().decisions(id, application.round);
    view.reviewerMessage = application.reviewerMessage;
  }
  return view;
}

store::DocumentRecord Applications::upload(const Actor& actor, Id applicationId,
                                           std::string_view filename, std::string_view bytes) {
  requireAgencyStaff(actor);
  if (bytes.size() > options_.maxUploadBytes) {
    throw core::LimitExceededException(tooLargeMessage(bytes.size(), options_.maxUploadBytes));
  }
  store::NewDocument document;
  document.applicationId = applicationId;
  document.filename = detail::displayFilename(filename);
  document.format = detail::uploadFormat(bytes);
  document.size = static_cast<std::int64_t>(bytes.size());
  document.uploadedBy = actor.userId;
  // Refuse before writing anything for an application the actor may not change.
  requireEditable(ownApplication(store_, actor, applicationId));
  document.blobSha256 = blobs_.put(bytes);
  const store::TimePoint now = clock_.now();
  store::DocumentRecord stored = store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, applicationId);
    requireEditable(application);
    document.round = documentsRound(application);
    if (tx.documents().listForRound(applicationId, document.round).size() >=
        kMaxDocumentsPerRound) {
      throw InvalidRequestException("An application holds at most " +
                                    std::to_string(kMaxDocumentsPerRound) +
                                    " documents. Remove one before adding another.");
    }
    store::DocumentRecord added = tx.documents().addWithJob(document, store::kPrecheckJob, now);
    detail::audit(tx, now, actor.userId, "document.uploaded", "application", applicationId,
                  detail::Details()
                      .add("document", added.id)
                      .add("filename", added.filename)
                      .add("sha256", added.blobSha256)
                      .add("size", added.size));
    return added;
  });
  if (options_.jobQueued) options_.jobQueued();
  return stored;
}

void Applications::removeDocument(const Actor& actor, Id applicationId, Id documentId) {
  const store::TimePoint now = clock_.now();
  store_.transaction([&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, applicationId);
    requireEditable(application);
    const std::optional<store::DocumentRecord> document = tx.documents().find(documentId);
    if (!document || document->applicationId != applicationId ||
        document->round != documentsRound(application)) {
      throw core::NotFoundException("There is no document " + std::to_string(documentId) +
                                    " in application " + std::to_string(applicationId) + ".");
    }
    tx.documents().remove(documentId);
    detail::audit(
        tx, now, actor.userId, "document.removed", "application", applicationId,
        detail::Details().add("document", documentId).add("filename", document->filename));
  });
}

Application Applications::submit(const Actor& actor, Id id) {
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, id);
    if (!beingPrepared(application)) {
      throw core::ConflictException("Application " + std::to_string(id) + " is " +
                                    std::string(toString(application.status)) +
                                    "; only a draft or a returned application can be submitted.");
    }
    requireSubmittable(tx.documents().listForRound(id, documentsRound(application)));
    store::StatusChange change;
    change.from = application.status;
    change.to = ApplicationStatus::Submitted;
    change.at = now;
    change.newRound = application.status == ApplicationStatus::Returned;
    Application submitted = tx.applications().changeStatus(id, change);
    detail::audit(tx, now, actor.userId, "application.submitted", "application", id,
                  detail::Details().add("round", submitted.round));
    detail::notifyAgency(tx, submitted, detail::Notice::Submitted, now);
    return submitted;
  });
}

Application Applications::withdraw(const Actor& actor, Id id) {
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = ownApplication(tx, actor, id);
    if (!beingPrepared(application)) {
      throw core::ConflictException("Application " + std::to_string(id) + " is " +
                                    std::string(toString(application.status)) +
                                    "; only a draft or a returned application can be withdrawn.");
    }
    store::StatusChange change;
    change.from = application.status;
    change.to = ApplicationStatus::Withdrawn;
    change.at = now;
    Application withdrawn = tx.applications().changeStatus(id, change);
    detail::audit(tx, now, actor.userId, "application.withdrawn", "application", id);
    return withdrawn;
  });
}

QueueResult Applications::queue(const Actor& actor, const store::QueueQuery& query) {
  requireReviewerOrAdmin(actor);
  store::QueueQuery bounded = query;
  bounded.limit = std::clamp(bounded.limit, 1, 500);
  bounded.offset = std::max(bounded.offset, 0);
  const store::QueuePage page = store_.applications().queue(bounded);
  const store::TimePoint now = clock_.now();
  QueueResult result;
  result.total = page.total;
  for (const store::QueueEntry& entry : page.entries) {
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - entry.submittedAt);
    result.rows.push_back({entry, std::max<std::int64_t>(waited.count(), 0)});
  }
  return result;
}

Application Applications::claim(const Actor& actor, Id id) {
  requireReviewer(actor);
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    reviewable(tx, actor, id);
    Application claimed = tx.applications().claim(id, actor.userId, now);
    if (claimed.status == ApplicationStatus::Submitted) {
      store::StatusChange change;
      change.from = ApplicationStatus::Submitted;
      change.to = ApplicationStatus::InReview;
      change.at = now;
      claimed = tx.applications().changeStatus(id, change);
    }
    detail::audit(tx, now, actor.userId, "application.claimed", "application", id,
                  detail::Details().add("round", claimed.round));
    return claimed;
  });
}

Application Applications::release(const Actor& actor, Id id) {
  requireReviewer(actor);
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    reviewable(tx, actor, id);
    Application released = tx.applications().release(id, actor.userId, now);
    detail::audit(tx, now, actor.userId, "application.released", "application", id);
    return released;
  });
}

store::ItemDecision Applications::decideItem(const Actor& actor, Id id, std::string_view itemId,
                                             store::Decision decision, std::string_view comment) {
  requireReviewer(actor);
  const std::string note = trimmed(comment);
  requireAtMost(note, kMaxCommentBytes, "comment");
  if (decision == store::Decision::Deficient && note.empty()) {
    throw InvalidRequestException(
        "Say what is missing or wrong: a deficient item needs a comment for the agency.");
  }
  // The pre-check of a submitted round does not change, so it is read before the transaction.
  const Application before = reviewable(store_, actor, id);
  requireHeld(before, actor);
  const store::Agency agency = store_.agencies().get(before.agencyId);
  const std::optional<std::string> precheck =
      fullPrecheck(before, agency, before.round, store_.documents().listForRound(id, before.round));
  const std::map<std::string, detail::ItemOutcome> outcomes =
      precheck ? detail::itemOutcomes(*precheck) : std::map<std::string, detail::ItemOutcome>{};
  const auto status = outcomes.find(std::string(itemId));
  if (status == outcomes.end()) {
    throw core::NotFoundException("Application " + std::to_string(id) + " has no checklist item '" +
                                  std::string(itemId) + "'.");
  }
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = reviewable(tx, actor, id);
    requireHeld(application, actor);
    if (application.round != before.round) {
      throw core::ConflictException("Application " + std::to_string(id) +
                                    " changed meanwhile. Reload it and decide again.");
    }
    store::ItemDecision recorded{id,
                                 application.round,
                                 status->first,
                                 decision,
                                 note,
                                 actor.userId,
                                 detail::overriddenStatus(decision, status->second.status),
                                 now};
    tx.applications().recordDecision(recorded);
    detail::Details details;
    details.add("round", recorded.round)
        .add("item", recorded.itemId)
        .add("decision", toString(decision));
    if (!recorded.overriddenStatus.empty()) details.add("overrides", recorded.overriddenStatus);
    detail::audit(tx, now, actor.userId, "application.item_decided", "application", id, details);
    return recorded;
  });
}

Application Applications::decide(const Actor& actor, Id id, FinalDecision decision,
                                 std::string_view message) {
  requireReviewer(actor);
  const bool returning = decision == FinalDecision::Return;
  const std::string text = trimmed(message);
  requireAtMost(text, kMaxMessageBytes, "message");
  if (returning && text.empty()) {
    throw InvalidRequestException(
        "Write a message to the agency saying what to change before returning the application.");
  }
  const store::TimePoint now = clock_.now();
  // The certificate and media release are rendered before the transaction, not under its lock.
  std::optional<PreparedRecognition> issued;
  if (!returning) {
    const Application before = reviewable(store_, actor, id);
    requireHeld(before, actor);
    requireDecidable(decision, deficientItems(store_.applications().decisions(id, before.round)));
    issued = recognition_.prepare(before, now);
  }
  return store::inTransaction(store_, [&](store::Store& tx) {
    const Application application = reviewable(tx, actor, id);
    requireHeld(application, actor);
    requireDecidable(decision, deficientItems(tx.applications().decisions(id, application.round)));
    store::StatusChange change;
    change.from = ApplicationStatus::InReview;
    change.to = returning ? ApplicationStatus::Returned : ApplicationStatus::Approved;
    change.at = now;
    change.releaseClaim = true;
    change.reviewerMessage = text;
    Application decided = tx.applications().changeStatus(id, change);
    std::string links;
    if (returning) {
      carryDocumentsForward(tx, application);
    } else {
      const store::Certificate certificate =
          recognition_.record(tx, decided, *issued, now, actor.userId);
      links = recognition_.approvalLinks(id, certificate.code);
    }
    detail::audit(tx, now, actor.userId,
                  returning ? "application.returned" : "application.approved", "application", id,
                  detail::Details().add("round", decided.round));
    detail::notifyAgency(
        tx, decided, returning ? detail::Notice::Returned : detail::Notice::Approved, now, links);
    return decided;
  });
}

}  // namespace mkrp::workflow
