// The background work of the pre-check: a job per uploaded document, claimed with a lease,
// read in the sandbox, pre-checked, and stored; failures retried with backoff until the document
// is marked unreadable with a message for the uploader. WorkerPool runs it on threads.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"
#include "extract/sandbox.h"
#include "store/store.h"

namespace Poco {
class Logger;
}

namespace mkrp::store {
class BlobStore;
}

namespace mkrp::workflow {

class Clock;
class Prechecker;

// Reads an uploaded file's bytes into a Document. Throws as extract::extractBytes does (the
// messages go to the uploader) or core::ExtractionFailedException.
using ExtractFunction = std::function<core::Document(std::string_view bytes)>;

// The production reader: extract::extractInSandbox with these limits.
ExtractFunction sandboxExtractor(extract::Limits limits, extract::SandboxOptions options);

// How the jobs ended, since the runner was made (for /metrics).
struct JobOutcomes {
  std::int64_t checked = 0;    // stored with its pre-check
  std::int64_t retrying = 0;   // failed an attempt, will run again
  std::int64_t failed = 0;     // failed for good: document unreadable
  std::int64_t leaseLost = 0;  // someone else took the job over; result dropped
};

class PrecheckRunner {
 public:
  // Keeps references to everything; all must outlive it. Thread-safe.
  PrecheckRunner(store::Store& store, const store::BlobStore& blobs, const Prechecker& prechecker,
                 const Clock& clock, ExtractFunction extract, store::JobPolicy policy,
                 Poco::Logger& logger);

  // Claims one due job as `owner` and runs it to its end. Returns false when there was no work.
  // Throws only what the store throws (e.g. the database is unavailable).
  bool runOne(std::string_view owner);

  JobOutcomes outcomes() const;
  // How many jobs are queued, leased, done and failed (queue depth).
  store::JobCounts queueCounts();

 private:
  void run(const store::Job& job);
  void finish(const store::Job& job, const store::DocumentResults& results);
  void fail(const store::Job& job, const store::JobFailure& failure);

  store::Store& store_;
  const store::BlobStore& blobs_;
  const Prechecker& prechecker_;
  const Clock& clock_;
  ExtractFunction extract_;
  store::JobPolicy policy_;
  Poco::Logger& logger_;
  std::atomic<std::int64_t> checked_{0}, retrying_{0}, failed_{0}, leaseLost_{0};
};

// Threads that keep calling PrecheckRunner::runOne, sleeping `idlePoll` when there is no work
// (or until wake()). Other processes' jobs are found by polling.
class WorkerPool {
 public:
  // REQUIRES: threads >= 1. `runner` and `logger` must outlive the pool.
  WorkerPool(PrecheckRunner& runner, int threads, std::chrono::milliseconds idlePoll,
             Poco::Logger& logger);
  // Stops the threads (see stop()).
  ~WorkerPool();

  void start();
  // Asks the threads to stop and waits for them; a job in progress is finished first.
  void stop();
  // A job was queued: an idle thread looks now instead of at its next poll. Thread-safe.
  void wake();

 private:
  void loop(int index);

  PrecheckRunner& runner_;
  int threadCount_;
  std::chrono::milliseconds idlePoll_;
  Poco::Logger& logger_;
  std::string ownerPrefix_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool stopping_ = false;
  std::uint64_t wakeups_ = 0;
};

}  // namespace mkrp::workflow
