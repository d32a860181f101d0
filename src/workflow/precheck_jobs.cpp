#include "workflow/precheck_jobs.h"

#include <Poco/Logger.h>
#include <unistd.h>

#include "core/document_json.h"
#include "core/errors.h"
#include "store/blob_store.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/prechecker.h"

namespace mkrp::workflow {
namespace {

constexpr std::string_view kInternalFailure =
    "The document could not be read because of a problem on our side. It will be tried again "
    "automatically; if it keeps failing, contact the program.";

}  // namespace

ExtractFunction sandboxExtractor(extract::Limits limits, extract::SandboxOptions options) {
  return [limits, options](std::string_view bytes) {
    return extract::extractInSandbox(bytes, limits, options);
  };
}

PrecheckRunner::PrecheckRunner(store::Store& store, const store::BlobStore& blobs,
                               const Prechecker& prechecker, const Clock& clock,
                               ExtractFunction extract, store::JobPolicy policy,
                               Poco::Logger& logger)
    : store_(store),
      blobs_(blobs),
      prechecker_(prechecker),
      clock_(clock),
      extract_(std::move(extract)),
      policy_(policy),
      logger_(logger) {}

bool PrecheckRunner::runOne(std::string_view owner) {
  const std::optional<store::Job> job = store_.jobs().claim(owner, clock_.now(), policy_);
  if (!job) return false;
  run(*job);
  return true;
}

void PrecheckRunner::run(const store::Job& job) {
  if (job.kind != store::kPrecheckJob || !job.documentId) {
    fail(job, {"This kind of work (" + job.kind + ") is not known to this version.", false});
    return;
  }
  const std::optional<store::DocumentRecord> document = store_.documents().find(*job.documentId);
  if (!document) {
    fail(job, {"The document was removed.", false});
    return;
  }
  const store::Application application = store_.applications().get(document->applicationId);
  const store::Agency agency = store_.agencies().get(application.agencyId);
  core::Document read;
  try {
    read = extract_(blobs_.get(document->blobSha256));
  } catch (const core::ExtractionFailedException& error) {
    fail(job, {error.message(), true});
    return;
  } catch (const core::NotFoundException& error) {
    logger_.error("document %Ld: its file is missing: %s", document->id, error.displayText());
    fail(job, {"The uploaded file was lost. Upload it again.", false});
    return;
  } catch (const Poco::DataFormatException& error) {
    // Unsupported, malformed, too large or encrypted: the same bytes fail the same way again.
    fail(job, {error.message(), false});
    return;
  } catch (const std::exception& error) {
    logger_.error("document %Ld: reading failed: %s", document->id, std::string(error.what()));
    fail(job, {std::string(kInternalFailure), true});
    return;
  }
  store::DocumentResults results;
  results.documentJson = core::toJson(read, true);
  results.findingsJson = prechecker_.runJson(agency.kind, {{document->filename, std::move(read)}});
  finish(job, results);
}

void PrecheckRunner::finish(const store::Job& job, const store::DocumentResults& results) {
  const store::TimePoint now = clock_.now();
  bool completed = false;
  store_.transaction([&](store::Store& tx) {
    if (!tx.jobs().complete(store::JobQueue::leaseOf(job), now)) return;
    tx.documents().saveResults(*job.documentId, results, now);
    detail::audit(tx, now, std::nullopt, "document.checked", "document", *job.documentId);
    completed = true;
  });
  if (completed) {
    ++checked_;
    logger_.information("document %Ld checked", *job.documentId);
  } else {
    ++leaseLost_;
    logger_.warning("job %Ld: lease lost before it finished; result dropped", job.id);
  }
}

void PrecheckRunner::fail(const store::Job& job, const store::JobFailure& failure) {
  const store::TimePoint now = clock_.now();
  store::FailOutcome outcome = store::FailOutcome::LeaseLost;
  store_.transaction([&](store::Store& tx) {
    outcome = tx.jobs().fail(store::JobQueue::leaseOf(job), failure, now, policy_);
    if (outcome == store::FailOutcome::Failed && job.documentId) {
      detail::audit(tx, now, std::nullopt, "document.unreadable", "document", *job.documentId,
                    detail::Details().add("message", failure.message));
    }
  });
  switch (outcome) {
    case store::FailOutcome::Retrying:
      ++retrying_;
      break;
    case store::FailOutcome::Failed:
      ++failed_;
      break;
    case store::FailOutcome::LeaseLost:
      ++leaseLost_;
      break;
  }
  logger_.information("job %Ld attempt %d failed (%s): %s", job.id, job.attempts,
                      std::string(outcome == store::FailOutcome::Retrying ? "will retry"
                                  : outcome == store::FailOutcome::Failed ? "gave up"
                                                                          : "lease lost"),
                      failure.message);
}

JobOutcomes PrecheckRunner::outcomes() const {
  return JobOutcomes{checked_.load(), retrying_.load(), failed_.load(), leaseLost_.load()};
}

store::JobCounts PrecheckRunner::queueCounts() { return store_.jobs().counts(); }

WorkerPool::WorkerPool(PrecheckRunner& runner, int threads, std::chrono::milliseconds idlePoll,
                       Poco::Logger& logger)
    : runner_(runner),
      threadCount_(threads),
      idlePoll_(idlePoll),
      logger_(logger),
      ownerPrefix_("pid" + std::to_string(::getpid()) + "-") {}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::start() {
  const std::lock_guard lock(mutex_);
  stopping_ = false;
  for (int i = static_cast<int>(threads_.size()); i < threadCount_; ++i) {
    threads_.emplace_back([this, i] { loop(i); });
  }
}

void WorkerPool::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

void WorkerPool::wake() {
  {
    const std::lock_guard lock(mutex_);
    ++wakeups_;
  }
  wakeUp_.notify_one();
}

void WorkerPool::loop(int index) {
  const std::string owner = ownerPrefix_ + "w" + std::to_string(index);
  std::uint64_t seen = 0;
  for (;;) {
    {
      const std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = wakeups_;
    }
    bool worked = false;
    try {
      worked = runner_.runOne(owner);
    } catch (const Poco::Exception& error) {
      logger_.error("worker %s: %s", owner, error.displayText());
    } catch (const std::exception& error) {
      logger_.error("worker %s: %s", owner, std::string(error.what()));
    }
    if (worked) continue;
    std::unique_lock lock(mutex_);
    wakeUp_.wait_for(lock, idlePoll_, [&] { return stopping_ || wakeups_ != seen; });
  }
}

}  // namespace mkrp::workflow
