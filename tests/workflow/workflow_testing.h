// What the workflow and web tests share: a fresh service on a real SQLite store in a temporary
// directory, a clock moved by hand, a stand-in reader for documents, and small builders.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "store/blob_store.h"
#include "store/store.h"
#include "workflow/accounts.h"
#include "workflow/applications.h"
#include "workflow/clock.h"
#include "workflow/precheck_jobs.h"
#include "workflow/prechecker.h"

namespace Poco {
class Logger;
}

namespace mkrp::workflow::testing {

inline constexpr std::string_view kPassword = "correct horse battery staple";

class FakeClock final : public Clock {
 public:
  store::TimePoint now() const override { return store::TimePoint(std::chrono::milliseconds(ms_)); }
  void advance(std::chrono::milliseconds by) { ms_ += by.count(); }

 private:
  std::atomic<std::int64_t> ms_{1'700'000'000'000};
};

// The project's checklists, loaded and compiled once per test run.
const Prechecker& sharedPrechecker();

// A stand-in for a PDF, read by fakeExtract: the PDF signature, then one paragraph per line.
// A text containing "DAMAGED" is refused as malformed; one containing "CRASH" fails as a crashed
// reader does (worth retrying).
std::string fakePdf(std::string_view text);
core::Document fakeExtract(std::string_view bytes);

// A real one-page PDF (Helvetica) showing `lines`, for the readers and the sandbox.
std::string realPdf(const std::vector<std::string>& lines);

// A PNG signature and a few bytes: a file type the service refuses.
std::string pngBytes();

// A migrated store in a temporary directory with the use cases wired as the service wires them,
// and the jobs run by fakeExtract unless given another reader.
class Fixture {
 public:
  explicit Fixture(ExtractFunction extract = fakeExtract, std::uint64_t maxUploadBytes = 1 << 20);
  ~Fixture();

  store::Agency addAgency(std::string name,
                          store::AgencyKind kind = store::AgencyKind::LawEnforcement,
                          std::string state = "VA");
  // A staff account of `agencyId`, or a reviewer or admin; returns it as an Actor.
  Actor addStaff(store::Id agencyId, std::string email);
  Actor addReviewer(std::string email, store::Role role = store::Role::Reviewer);

  // Runs jobs until none is due. Returns how many ran.
  int runJobs();

  // A draft of `agency` with one document read and pre-checked.
  store::Application checkedDraft(const Actor& agency, std::string_view text = "Policy text.");
  // checkedDraft, then submitted.
  store::Application submitted(const Actor& agency);
  // submitted, claimed by `reviewer`, one item deficient, returned.
  store::Application returned(const Actor& agency, const Actor& reviewer);

  // The audit actions recorded about an application, oldest first.
  std::vector<std::string> auditActions(store::Id applicationId);

  std::string directory;
  FakeClock clock;
  std::unique_ptr<store::Store> owned;
  store::Store& store;
  store::BlobStore blobs;
  Accounts accounts;
  store::JobPolicy policy;
  PrecheckRunner runner;
  Applications applications;
};

// Two agencies with a staff account each, and a reviewer: for tests of what agency staff do and
// of what another agency may not see.
struct TwoAgencies : Fixture {
  store::Agency harlow = addAgency("Harlow PD");
  Actor staff = addStaff(harlow.id, "a@harlow.test");
  store::Agency calder = addAgency("Calder County SO");
  Actor otherStaff = addStaff(calder.id, "a@calder.test");
  Actor reviewer = addReviewer("reviewer@mkrp.test");
};

}  // namespace mkrp::workflow::testing
