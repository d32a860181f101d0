// Documents and the durable job queue: one transaction for a document and its job, leases,
// takeover, backoff, permanent failure, and concurrent workers.
#include <Poco/Exception.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <thread>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using std::chrono::seconds;
using testing::at;
using testing::Fixture;

constexpr std::string_view kHash =
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

JobPolicy policy() {
  JobPolicy p;
  p.lease = seconds(60);
  p.maxAttempts = 3;
  p.baseDelay = seconds(10);
  p.maxDelay = seconds(25);
  return p;
}

struct DocFixture : Fixture {
  DocFixture()
      : agency(store.agencies().add({"Ash City Police", AgencyKind::LawEnforcement, "VA", "", ""},
                                    at(0))),
        app(store.applications().create(agency.id, ApplicationType::Initial, at(0))) {}

  NewDocument upload(std::string filename = "directive.pdf") const {
    return NewDocument{app.id, 1,           std::move(filename), "pdf", std::string(kHash),
                       1234,   std::nullopt};
  }
  DocumentRecord addDocument(std::string filename = "directive.pdf", int second = 1) {
    return store.documents().addWithJob(upload(std::move(filename)), kPrecheckJob, at(second));
  }

  Agency agency;
  Application app;
};

TEST_CASE("backoff doubles from the base delay up to the maximum", "[store]") {
  const JobPolicy p = policy();
  CHECK(backoffDelay(p, 1) == seconds(10));
  CHECK(backoffDelay(p, 2) == seconds(20));
  CHECK(backoffDelay(p, 3) == seconds(25));
  CHECK(backoffDelay(p, 60) == seconds(25));
}

TEST_CASE("an uploaded document is stored queued together with its job", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument("Policy 41.2 (final).pdf", 3);
  CHECK(doc.status == DocumentStatus::Queued);
  CHECK(doc.filename == "Policy 41.2 (final).pdf");
  CHECK(doc.blobSha256 == kHash);
  CHECK(doc.size == 1234);
  CHECK(doc.uploadedAt == at(3));
  const auto jobs = f.store.jobs().listForDocument(doc.id);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].kind == kPrecheckJob);
  CHECK(jobs[0].state == JobState::Queued);
  CHECK(jobs[0].attempts == 0);
  CHECK(jobs[0].runAfter == at(3));
  CHECK(f.store.documents().get(doc.id).filename == "Policy 41.2 (final).pdf");
}

TEST_CASE("a document whose job cannot be stored is not stored either", "[store]") {
  DocFixture f;
  // The document row is written first; the job then fails, and both are rolled back.
  REQUIRE_THROWS_AS(f.store.documents().addWithJob(f.upload(), "", at(1)),
                    Poco::InvalidArgumentException);
  REQUIRE_THROWS_WITH(f.store.documents().addWithJob(f.upload(), "", at(1)), "A job needs a kind.");
  CHECK(f.store.documents().listForRound(f.app.id, 1).empty());
  CHECK(f.store.jobs().counts().queued == 0);
}

TEST_CASE("a transaction that throws midway leaves neither document nor job", "[store]") {
  DocFixture f;
  Id documentId = 0;
  REQUIRE_THROWS_AS(f.store.transaction([&](Store& tx) {
    documentId = tx.documents().addWithJob(f.upload(), kPrecheckJob, at(1)).id;
    tx.audit().append({0, at(1), std::nullopt, "document.uploaded", "document", documentId, "{}"});
    throw Poco::IOException("the connection to the client broke");
  }),
                    Poco::IOException);
  CHECK(documentId > 0);
  CHECK_FALSE(f.store.documents().find(documentId).has_value());
  CHECK(f.store.jobs().counts().queued == 0);
  CHECK(f.store.audit().forEntity("document", documentId).empty());
}

TEST_CASE("a document for an unknown application is refused", "[store]") {
  DocFixture f;
  auto upload = f.upload();
  upload.applicationId = 999;
  REQUIRE_THROWS_AS(f.store.documents().addWithJob(upload, kPrecheckJob, at(1)),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(f.store.documents().addWithJob(upload, kPrecheckJob, at(1)),
                      "There is no application with id 999.");
}

TEST_CASE("claiming leases the oldest due job and marks its document extracting", "[store]") {
  DocFixture f;
  const auto first = f.addDocument("a.pdf", 1);
  f.addDocument("b.pdf", 2);
  const auto job = f.store.jobs().claim("worker-1", at(10), policy());
  REQUIRE(job.has_value());
  CHECK(job->documentId == first.id);
  CHECK(job->state == JobState::Leased);
  CHECK(job->leaseOwner == "worker-1");
  CHECK(job->leaseExpiresAt == at(70));
  CHECK(job->attempts == 1);
  CHECK(f.store.documents().get(first.id).status == DocumentStatus::Extracting);
  const auto counts = f.store.jobs().counts();
  CHECK(counts.queued == 1);
  CHECK(counts.leased == 1);
}

TEST_CASE("there is nothing to claim when no job is due", "[store]") {
  DocFixture f;
  CHECK_FALSE(f.store.jobs().claim("worker-1", at(0), policy()).has_value());
  f.store.jobs().enqueue("report", std::nullopt, "{\"day\":1}", at(50));
  CHECK_FALSE(f.store.jobs().claim("worker-1", at(49), policy()).has_value());
  const auto job = f.store.jobs().claim("worker-1", at(50), policy());
  REQUIRE(job.has_value());
  CHECK(job->payload == "{\"day\":1}");
  CHECK_FALSE(job->documentId.has_value());
}

TEST_CASE("completing a job inside a transaction applies its effect once", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  const auto job = f.store.jobs().claim("worker-1", at(10), policy());
  REQUIRE(job.has_value());
  bool completed = false;
  f.store.transaction([&](Store& tx) {
    completed = tx.jobs().complete(JobQueue::leaseOf(*job), at(20));
    if (completed) tx.documents().saveResults(doc.id, {"{\"blocks\":[]}", "[]"}, at(20));
  });
  CHECK(completed);
  const auto done = f.store.jobs().find(job->id);
  CHECK(done->state == JobState::Done);
  CHECK(done->finishedAt == at(20));
  CHECK(f.store.documents().get(doc.id).status == DocumentStatus::Checked);
  CHECK(f.store.documents().get(doc.id).checkedAt == at(20));
  CHECK(f.store.documents().results(doc.id)->documentJson == "{\"blocks\":[]}");
  CHECK_FALSE(f.store.jobs().complete(JobQueue::leaseOf(*job), at(21)));
}

TEST_CASE("a crashed worker's job is taken over when its lease runs out", "[store]") {
  DocFixture f;
  f.addDocument();
  const auto lost = f.store.jobs().claim("worker-1", at(10), policy());
  REQUIRE(lost.has_value());
  CHECK_FALSE(f.store.jobs().claim("worker-2", at(69), policy()).has_value());
  const auto taken = f.store.jobs().claim("worker-2", at(70), policy());
  REQUIRE(taken.has_value());
  CHECK(taken->id == lost->id);
  CHECK(taken->leaseOwner == "worker-2");
  CHECK(taken->attempts == 2);
  // The first worker comes back to life: its results must not be applied.
  CHECK_FALSE(f.store.jobs().complete(JobQueue::leaseOf(*lost), at(75)));
  CHECK_FALSE(f.store.jobs().extend(JobQueue::leaseOf(*lost), at(200)));
  CHECK(f.store.jobs().fail(JobQueue::leaseOf(*lost), {"late", true}, at(75), policy()) ==
        FailOutcome::LeaseLost);
  CHECK(f.store.jobs().complete(JobQueue::leaseOf(*taken), at(80)));
}

TEST_CASE("a worker's own retaken lease is told apart by its attempt", "[store]") {
  DocFixture f;
  f.addDocument();
  const auto first = f.store.jobs().claim("worker-1", at(10), policy());
  const auto second = f.store.jobs().claim("worker-1", at(70), policy());
  REQUIRE(second.has_value());
  CHECK(second->id == first->id);
  CHECK_FALSE(f.store.jobs().complete(JobQueue::leaseOf(*first), at(71)));
  CHECK(f.store.jobs().complete(JobQueue::leaseOf(*second), at(71)));
}

TEST_CASE("a heartbeat keeps a long job's lease", "[store]") {
  DocFixture f;
  f.addDocument();
  const auto job = f.store.jobs().claim("worker-1", at(10), policy());
  CHECK(f.store.jobs().extend(JobQueue::leaseOf(*job), at(130)));
  CHECK_FALSE(f.store.jobs().claim("worker-2", at(100), policy()).has_value());
  CHECK(f.store.jobs().complete(JobQueue::leaseOf(*job), at(120)));
}

TEST_CASE("a failed attempt is retried after the backoff delay", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  const auto job = f.store.jobs().claim("worker-1", at(10), policy());
  CHECK(f.store.jobs().fail(JobQueue::leaseOf(*job), {"reader timed out", true}, at(15),
                            policy()) == FailOutcome::Retrying);
  const auto waiting = f.store.jobs().find(job->id);
  CHECK(waiting->state == JobState::Queued);
  CHECK(waiting->runAfter == at(25));
  CHECK(waiting->lastError == "reader timed out");
  CHECK(f.store.documents().get(doc.id).status == DocumentStatus::Queued);
  CHECK_FALSE(f.store.jobs().claim("worker-1", at(24), policy()).has_value());
  const auto again = f.store.jobs().claim("worker-1", at(25), policy());
  REQUIRE(again.has_value());
  CHECK(again->attempts == 2);
  CHECK(f.store.jobs().fail(JobQueue::leaseOf(*again), {"reader timed out", true}, at(30),
                            policy()) == FailOutcome::Retrying);
  CHECK(f.store.jobs().find(job->id)->runAfter == at(50));
}

TEST_CASE("a job that keeps failing ends with its document unreadable and the message", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  const std::string message =
      "We could not read this file in time. Save it again as PDF and upload it once more.";
  FailOutcome outcome = FailOutcome::Retrying;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const auto job = f.store.jobs().claim("worker-1", at(1000 * attempt), policy());
    REQUIRE(job.has_value());
    outcome = f.store.jobs().fail(JobQueue::leaseOf(*job), {message, true}, at(1000 * attempt + 1),
                                  policy());
  }
  CHECK(outcome == FailOutcome::Failed);
  const auto jobs = f.store.jobs().listForDocument(doc.id);
  CHECK(jobs.at(0).state == JobState::Failed);
  CHECK(jobs.at(0).attempts == 3);
  const auto unreadable = f.store.documents().get(doc.id);
  CHECK(unreadable.status == DocumentStatus::Unreadable);
  CHECK(unreadable.message == message);
  CHECK_FALSE(f.store.jobs().claim("worker-1", at(99999), policy()).has_value());
}

TEST_CASE("a failure that cannot get better is final at once", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  const auto job = f.store.jobs().claim("worker-1", at(10), policy());
  CHECK(f.store.jobs().fail(JobQueue::leaseOf(*job),
                            {"This file is a legacy Word document; save it as DOCX.", false},
                            at(11), policy()) == FailOutcome::Failed);
  CHECK(f.store.documents().get(doc.id).message ==
        "This file is a legacy Word document; save it as DOCX.");
}

TEST_CASE("a job whose worker dies on every attempt ends with its document unreadable", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  for (int attempt = 0; attempt < 3; ++attempt) {
    REQUIRE(f.store.jobs()
                .claim("worker-" + std::to_string(attempt), at(100 * (attempt + 1)), policy())
                .has_value());
  }
  CHECK_FALSE(f.store.jobs().claim("worker-9", at(500), policy()).has_value());
  const auto failed = f.store.jobs().listForDocument(doc.id).at(0);
  CHECK(failed.state == JobState::Failed);
  CHECK(failed.finishedAt == at(500));
  const auto unreadable = f.store.documents().get(doc.id);
  CHECK(unreadable.status == DocumentStatus::Unreadable);
  CHECK(unreadable.message ==
        "Reading this file stopped without finishing 3 times; it may be damaged or too complex. "
        "Save it again (for example as PDF) and upload it once more.");
}

TEST_CASE("removing a document removes its jobs", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  CHECK(f.store.documents().remove(doc.id));
  CHECK_FALSE(f.store.documents().remove(doc.id));
  CHECK(f.store.jobs().listForDocument(doc.id).empty());
  CHECK_FALSE(f.store.jobs().claim("worker-1", at(10), policy()).has_value());
}

TEST_CASE("a kept document is carried into the next round with its results", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument("kept.docx", 1);
  f.store.documents().saveResults(doc.id, {"{\"d\":1}", "[{\"item\":\"LE-1\"}]"}, at(5));
  const auto copy = f.store.documents().copyToRound(doc.id, 2);
  CHECK(copy.id != doc.id);
  CHECK(copy.round == 2);
  CHECK(copy.filename == "kept.docx");
  CHECK(copy.status == DocumentStatus::Checked);
  CHECK(copy.uploadedAt == at(1));
  CHECK(f.store.documents().results(copy.id)->findingsJson == "[{\"item\":\"LE-1\"}]");
  CHECK(f.store.documents().listForRound(f.app.id, 1).size() == 1);
  CHECK(f.store.documents().listForRound(f.app.id, 2).at(0).id == copy.id);
  REQUIRE_THROWS_AS(f.store.documents().copyToRound(999, 2), core::NotFoundException);
}

TEST_CASE("a document's status and message can be set directly", "[store]") {
  DocFixture f;
  const auto doc = f.addDocument();
  f.store.documents().setStatus(doc.id, DocumentStatus::Unreadable,
                                "Encrypted; remove the "
                                "password and upload again.");
  CHECK(f.store.documents().get(doc.id).message ==
        "Encrypted; remove the password and upload again.");
  CHECK_FALSE(f.store.documents().results(doc.id).has_value());
  REQUIRE_THROWS_AS(f.store.documents().setStatus(999, DocumentStatus::Queued, ""),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(f.store.documents().get(999), "There is no document with id 999.");
}

// Workers on two stores (as two instances would be) and two threads each, each job's effect
// counted in the audit log, which is written in the same transaction as the completion.
TEST_CASE("concurrent workers do every job exactly once", "[store]") {
  DocFixture f;
  constexpr int kJobs = 60;
  for (int i = 0; i < kJobs; ++i) f.addDocument("doc" + std::to_string(i) + ".pdf", 0);
  auto other = f.database->open();
  std::atomic<int> claims{0};
  auto worker = [&](Store& store, std::string name) {
    while (auto job = store.jobs().claim(name, at(10), policy())) {
      ++claims;
      store.transaction([&](Store& tx) {
        if (!tx.jobs().complete(JobQueue::leaseOf(*job), at(11))) return;
        tx.documents().saveResults(*job->documentId, {"{}", "[]"}, at(11));
        tx.audit().append({0, at(11), std::nullopt, "precheck.done", "document", job->documentId,
                           "{\"worker\":\"" + name + "\"}"});
      });
    }
  };
  std::vector<std::thread> threads;
  threads.emplace_back(worker, std::ref(f.store), "a1");
  threads.emplace_back(worker, std::ref(f.store), "a2");
  threads.emplace_back(worker, std::ref(*other), "b1");
  threads.emplace_back(worker, std::ref(*other), "b2");
  for (auto& t : threads) t.join();
  CHECK(claims == kJobs);
  CHECK(f.store.jobs().counts().done == kJobs);
  for (const auto& doc : f.store.documents().listForRound(f.app.id, 1)) {
    CHECK(doc.status == DocumentStatus::Checked);
    CHECK(f.store.audit().forEntity("document", doc.id).size() == 1);
  }
}

}  // namespace
}  // namespace mkrp::store
