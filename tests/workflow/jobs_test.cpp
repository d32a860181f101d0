// The pre-check jobs: reading, storing, failing for good, retrying with backoff, taking over a
// dead worker's job, the worker threads, and the real reader in the sandbox.
#include <Poco/Logger.h>

#include <catch2/catch.hpp>
#include <thread>

#include "core/document_json.h"
#include "core/errors.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using store::DocumentStatus;
using testing::fakePdf;
using testing::Fixture;

struct Upload : Fixture {
  explicit Upload(ExtractFunction extract = testing::fakeExtract) : Fixture(std::move(extract)) {}

  store::DocumentRecord upload(std::string_view text) {
    return applications.upload(staff, draft.id, "GO 41.pdf", fakePdf(text));
  }
  store::DocumentRecord document(store::Id id) { return store.documents().get(id); }

  store::Agency harlow = addAgency("Harlow PD");
  Actor staff = addStaff(harlow.id, "a@harlow.test");
  store::Application draft = applications.create(staff, store::ApplicationType::Initial);
};

TEST_CASE("a job stores the document and its findings and marks it checked", "[workflow]") {
  Upload f;
  const store::DocumentRecord uploaded = f.upload("Missing children policy.");
  REQUIRE(f.runner.runOne("w1"));
  const store::DocumentRecord checked = f.document(uploaded.id);
  CHECK(checked.status == DocumentStatus::Checked);
  const std::optional<store::DocumentResults> results = f.store.documents().results(uploaded.id);
  REQUIRE(results);
  CHECK(core::documentFromJson(results->documentJson).blocks.at(0).text ==
        "Missing children policy.");
  CHECK_THAT(results->findingsJson, Catch::StartsWith("{\"kind\":\"le\""));
  CHECK(f.runner.outcomes().checked == 1);
  CHECK_FALSE(f.runner.runOne("w1"));  // nothing left
}

TEST_CASE("a file the reader refuses is unreadable at once with the reader's message",
          "[workflow]") {
  Upload f;
  const store::DocumentRecord uploaded = f.upload("DAMAGED");
  f.runJobs();
  const store::DocumentRecord document = f.document(uploaded.id);
  CHECK(document.status == DocumentStatus::Unreadable);
  CHECK(document.message == "The PDF is damaged. Save it again and upload it.");
  CHECK(f.runner.outcomes().failed == 1);
  CHECK(f.store.audit().forEntity("document", uploaded.id).back().action == "document.unreadable");
}

TEST_CASE("a crashed reader is retried with backoff, then the document is unreadable",
          "[workflow]") {
  Upload f;
  const store::DocumentRecord uploaded = f.upload("CRASH");
  REQUIRE(f.runner.runOne("w1"));
  CHECK(f.runner.outcomes().retrying == 1);
  CHECK(f.document(uploaded.id).status != DocumentStatus::Unreadable);
  CHECK_FALSE(f.runner.runOne("w1"));  // not due before the backoff delay
  f.clock.advance(f.policy.baseDelay);
  REQUIRE(f.runner.runOne("w1"));
  f.clock.advance(std::chrono::minutes(5));
  REQUIRE(f.runner.runOne("w1"));
  const store::DocumentRecord document = f.document(uploaded.id);
  CHECK(document.status == DocumentStatus::Unreadable);
  CHECK(document.message == "The reader stopped unexpectedly on this file.");
  CHECK(f.runner.outcomes().failed == 1);
}

TEST_CASE("a dead worker's job is taken over when its lease runs out", "[workflow]") {
  Upload f;
  const store::DocumentRecord uploaded = f.upload("Policy.");
  // A worker claims the job and dies without finishing it.
  REQUIRE(f.store.jobs().claim("dead-worker", f.clock.now(), f.policy));
  CHECK_FALSE(f.runner.runOne("w2"));
  f.clock.advance(f.policy.lease + std::chrono::seconds(1));
  REQUIRE(f.runner.runOne("w2"));
  CHECK(f.document(uploaded.id).status == DocumentStatus::Checked);
}

TEST_CASE("a document removed while its job waits leaves nothing to do", "[workflow]") {
  Upload f;
  const store::DocumentRecord uploaded = f.upload("Policy.");
  f.applications.removeDocument(f.staff, f.draft.id, uploaded.id);
  CHECK(f.runJobs() == 0);
}

TEST_CASE("the worker threads pick up an upload when woken", "[workflow]") {
  Upload f;
  WorkerPool pool(f.runner, 2, std::chrono::seconds(30), Poco::Logger::get("test.jobs"));
  pool.start();
  const store::DocumentRecord uploaded = f.upload("Policy.");
  pool.wake();
  for (int i = 0; i < 500 && f.document(uploaded.id).status != DocumentStatus::Checked; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pool.stop();
  CHECK(f.document(uploaded.id).status == DocumentStatus::Checked);
}

TEST_CASE("a real PDF is read in the sandbox and pre-checked", "[workflow]") {
  extract::SandboxOptions sandbox;
  sandbox.limits.maxWallSeconds = 60;
  Upload f(sandboxExtractor(extract::Limits{}, sandbox));
  const store::DocumentRecord uploaded = f.applications.upload(
      f.staff, f.draft.id, "policy.pdf",
      testing::realPdf({"Missing Children Policy", "There is no waiting period."}));
  CHECK(uploaded.format == "pdf");
  REQUIRE(f.runJobs() == 1);
  const store::DocumentRecord document = f.document(uploaded.id);
  INFO(document.message);
  REQUIRE(document.status == DocumentStatus::Checked);
  const core::Document read =
      core::documentFromJson(f.store.documents().results(uploaded.id)->documentJson);
  CHECK_THAT(core::plainText(read), Catch::Contains("There is no waiting period."));
}

TEST_CASE("bytes that are no document are unreadable through the sandbox", "[workflow]") {
  extract::SandboxOptions sandbox;
  sandbox.limits.maxWallSeconds = 60;
  Upload f(sandboxExtractor(extract::Limits{}, sandbox));
  const store::DocumentRecord uploaded = f.applications.upload(
      f.staff, f.draft.id, "broken.pdf", std::string("%PDF-1.4\nthis is not a PDF at all\n"));
  f.runJobs();
  const store::DocumentRecord document = f.document(uploaded.id);
  CHECK(document.status == DocumentStatus::Unreadable);
  CHECK_FALSE(document.message.empty());
}

}  // namespace
}  // namespace mkrp::workflow
