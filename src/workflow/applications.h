// The life of an application, one function per transition, each with its rules, each recorded in
// the audit log:
//
//   draft ──submit──> submitted ──claim──> in_review ──decide──> returned | approved
//     │                                                            │
//     └──withdraw──> withdrawn <──withdraw── returned ──submit──> submitted (next round)
//
// Agency staff create, upload (directives and the training roster), submit and withdraw; reviewers
// claim, release, decide each item and approve or return. Agency staff see only their own agency's
// applications: any other id is "not found", exactly as one that does not exist. Reviewers see
// applications once submitted.
//
// Errors (all with a message for people): core::NotFoundException, core::ConflictException (the
// application is not in a state that allows this, or someone else holds it),
// InvalidRequestException, ForbiddenException (wrong role), core::LimitExceededException (upload
// too large), core::UnsupportedFormatException (upload of a type we do not read),
// RosterRejectedException (a training roster with mistakes; it carries every one).
//
// The training roster: at most one per round, a CSV read by check::roster. Its findings (items
// TRN-LE-01.., TRN-PSAP-01.., TRN-REN-..) join the pre-check of the directives, in the same
// report, so both are shown and decided alike. The check runs with:
//   today         the day the round was submitted; while the agency still prepares the round
//                 (draft, or returned), the clock's day. So a reviewer sees what the agency
//                 submitted, whenever the reviewer looks.
//   renewalSince  for a renewal, the day the agency's membership started (Membership::startedAt:
//                 the first approval, kept through renewals and reinstatements, i.e. when the
//                 agency joined, as "hired, assigned or promoted since membership began" means);
//                 with no membership on record, everyone on the roster is checked. For an
//                 initial application, none.
// With no roster uploaded the training items are `missing`, saying to upload the roster; this
// does not stop a submission (the reviewer decides). The training items are part of the
// pre-check, so like it they appear once the round's directives are all checked.
//
// Thread-safe: one Applications serves every request.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "store/records.h"
#include "store/store.h"
#include "workflow/actor.h"
#include "workflow/recognition.h"
#include "workflow/rules.h"

namespace mkrp::store {
class BlobStore;
}

namespace mkrp::workflow {

class Clock;
class Prechecker;

struct ApplicationsOptions {
  // The largest document accepted.
  std::uint64_t maxUploadBytes = 20ull << 20;
  // How long a membership runs from an approval.
  int membershipYears = 5;
  // Called after a document and its pre-check job are stored, e.g. to wake a worker. May be empty.
  std::function<void()> jobQueued;
  // The address people reach the service at, for links in notices and on certificates.
  std::string publicUrl = "http://localhost:8080";
  // The largest training roster accepted (a CSV of a few thousand people is far smaller).
  std::uint64_t maxRosterBytes = 2ull << 20;
};

// An application as the person asking may see it.
struct ApplicationView {
  store::Application application;
  store::Agency agency;
  // The round the documents belong to: the application's round, or the next one while it is
  // returned (the documents being prepared for the resubmission).
  int documentsRound = 1;
  std::vector<store::DocumentRecord> documents;
  // The training roster of that round, if one was uploaded.
  std::optional<store::RosterRecord> roster;
  // The pre-check of all documents together (render::reportToJson) followed by the training items
  // of the round's roster, once every document is checked and there is at least one; empty
  // before.
  std::optional<std::string> precheckJson;
  // The reviewer's decisions on items in the application's round: for reviewers always, for the
  // agency once the round is decided (returned or approved).
  std::vector<store::ItemDecision> decisions;
  // The reviewer's message: shown to the agency once returned or approved.
  std::string reviewerMessage;
  // From round 2 on: the items whose pre-check status or evidence changed since the previous
  // round, so a reviewer can review only the difference.
  std::vector<ItemChange> changes;
};

// One row of the reviewers' queue, with how long it has waited.
struct QueueRow {
  store::QueueEntry entry;
  std::int64_t waitingSeconds = 0;
};

struct QueueResult {
  std::vector<QueueRow> rows;  // oldest submission first
  std::int64_t total = 0;
};

enum class FinalDecision { Approve, Return };

// A stored training roster, as uploaded.
struct RosterDownload {
  std::string filename;
  std::string bytes;
};

class Applications {
 public:
  // Keeps references to everything it is given; all must outlive it.
  Applications(store::Store& store, const store::BlobStore& blobs, const Prechecker& prechecker,
               const Clock& clock, ApplicationsOptions options = {});
  ~Applications();

  // Starts a draft for the actor's agency. Agency staff only. Conflict when the agency already
  // has an open application.
  store::Application create(const Actor& actor, store::ApplicationType type);

  // The application with its documents, pre-check and decisions as `actor` may see them.
  ApplicationView view(const Actor& actor, store::Id id);

  // Agency staff: their agency's applications, newest first. Others: ForbiddenException.
  std::vector<store::Application> listOwn(const Actor& actor);

  // Stores a document for the next submission (while draft, or returned) and queues its
  // pre-check. `filename` is kept for people only. The type comes from the bytes.
  store::DocumentRecord upload(const Actor& actor, store::Id applicationId,
                               std::string_view filename, std::string_view bytes);

  // Removes a document of the next submission (while draft, or returned).
  void removeDocument(const Actor& actor, store::Id applicationId, store::Id documentId);

  // Stores the training roster for the next submission (while draft, or returned), replacing
  // the one uploaded before. The file is read at once (for the agency's kind, dated today);
  // when it has any problem nothing is stored and RosterRejectedException lists them all.
  store::RosterRecord uploadRoster(const Actor& actor, store::Id applicationId,
                                   std::string_view filename, std::string_view bytes);

  // Removes the training roster of the next submission (while draft, or returned). Not found
  // when there is none.
  void removeRoster(const Actor& actor, store::Id applicationId);

  // The training roster `view` shows (same access rules), as uploaded. Not found when none.
  RosterDownload roster(const Actor& actor, store::Id applicationId);

  // Hands the application in: from draft, or from returned as the next round. Every document
  // must be checked (none queued, being read or unreadable) and there must be at least one.
  store::Application submit(const Actor& actor, store::Id id);

  // Withdraws a draft or a returned application.
  store::Application withdraw(const Actor& actor, store::Id id);

  // Reviewers and admins: submitted and in-review applications, oldest first.
  QueueResult queue(const Actor& actor, const store::QueueQuery& query);

  // Reviewers: takes the application (it becomes in review). Conflict when another reviewer holds
  // it. Claiming one's own claim again is allowed.
  store::Application claim(const Actor& actor, store::Id id);

  // Reviewers: gives a claim back; the application stays in review for anyone to claim.
  store::Application release(const Actor& actor, store::Id id);

  // Reviewers holding the claim: accepts an item or marks it deficient (a comment is then
  // required). A decision that differs from the pre-check records the pre-check's status.
  store::ItemDecision decideItem(const Actor& actor, store::Id id, std::string_view itemId,
                                 store::Decision decision, std::string_view comment);

  // Reviewers holding the claim: approves (no item may be deficient) or returns (a message and at
  // least one deficient item are required) the round. Notifies the agency. An approval also
  // issues the certificate and the media release and starts, renews or reinstates the membership
  // (Recognition), all committed together.
  store::Application decide(const Actor& actor, store::Id id, FinalDecision decision,
                            std::string_view message);

  // Certificates, media releases, verification and the public list.
  const Recognition& recognition() const { return recognition_; }

  // The extracted text of the checked documents `view` shows, in the same order, for pages that
  // show the text beside the pre-check (application_texts.cpp). Same access rules as view.
  std::vector<core::SubmittedFile> documentTexts(const Actor& actor, store::Id id);

 private:
  struct PrecheckCache;

  store::Application ownApplication(store::Store& tx, const Actor& actor, store::Id id);
  store::Application reviewable(store::Store& tx, const Actor& actor, store::Id id);
  std::optional<std::string> precheckOf(store::Id applicationId, int round, store::AgencyKind kind,
                                        const std::vector<store::DocumentRecord>& documents);
  // precheckOf with the training items of the round's roster (application_roster.cpp).
  std::optional<std::string> fullPrecheck(const store::Application& application,
                                          const store::Agency& agency, int round,
                                          const std::vector<store::DocumentRecord>& documents);
  // The day the training roster of `round` is checked on (see the header comment).
  store::TimePoint rosterDay(const store::Application& application, int round);

  store::Store& store_;
  const store::BlobStore& blobs_;
  const Prechecker& prechecker_;
  const Clock& clock_;
  ApplicationsOptions options_;
  Recognition recognition_;
  std::unique_ptr<PrecheckCache> cache_;
};

// The round whose documents the agency works on: the next one while returned.
int documentsRound(const store::Application& application);

// Whether the agency may still change that round's documents and roster: a draft, or returned.
bool beingPrepared(const store::Application& application);

// The training roster template for an agency of `kind`: a CSV with the columns name, position,
// assigned and every module code, and example rows for that kind in the accepted forms.
std::string rosterTemplate(store::AgencyKind kind);

}  // namespace mkrp::workflow
