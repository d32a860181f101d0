// A writer process killed with SIGKILL in the middle of its work loses nothing it acknowledged,
// and the job it held is taken over once its lease runs out.
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "backends.h"
#include "store/blob_store.h"

namespace mkrp::store {
namespace {

using testing::at;

// What the child acknowledges on the pipe: "<document id> <blob hash>\n" after each commit.
[[noreturn]] void uploadUntilKilled(testing::TestDatabase& database, const std::string& blobDir,
                                    Id applicationId, int ackFd) {
  try {
    auto store = database.open();
    const BlobStore blobs(blobDir);
    // Hold a job as a worker would, then die holding it.
    store->jobs().claim("doomed-worker", at(10), JobPolicy{});
    for (int i = 0;; ++i) {
      const std::string content = "directive number " + std::to_string(i);
      const std::string hash = blobs.put(content);
      const auto doc = store->documents().addWithJob(
          {applicationId, 1, "d" + std::to_string(i) + ".pdf", "pdf", hash,
           static_cast<std::int64_t>(content.size()), std::nullopt},
          kPrecheckJob, at(20));
      const std::string ack = std::to_string(doc.id) + " " + hash + "\n";
      if (::write(ackFd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}

std::vector<std::pair<Id, std::string>> readAcks(int fd) {
  std::string all;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) all.append(buffer, n);
  std::vector<std::pair<Id, std::string>> acks;
  std::size_t pos = 0;
  for (auto end = all.find('\n'); end != std::string::npos; end = all.find('\n', pos)) {
    const std::string line = all.substr(pos, end - pos);
    acks.emplace_back(std::stoll(line.substr(0, line.find(' '))), line.substr(line.find(' ') + 1));
    pos = end + 1;
  }
  return acks;  // a torn last line (no newline) was never acknowledged
}

TEST_CASE("a writer killed mid-work loses no acknowledged upload and strands no job",
          "[store][crash]") {
  auto database = testing::makeDatabase();
  const std::string blobDir = Poco::TemporaryFile::tempName();
  Id applicationId = 0;
  {
    auto store = database->open();
    store->migrate(at(0));
    const auto agency =
        store->agencies().add({"Crash PD", AgencyKind::LawEnforcement, "VA", "", ""}, at(0));
    applicationId = store->applications().create(agency.id, ApplicationType::Initial, at(0)).id;
    store->jobs().enqueue("report", std::nullopt, "", at(0));
  }
  int pipeFds[2];
  REQUIRE(::pipe(pipeFds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipeFds[0]);
    uploadUntilKilled(*database, blobDir, applicationId, pipeFds[1]);
  }
  ::close(pipeFds[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  const auto acks = readAcks(pipeFds[0]);
  ::close(pipeFds[0]);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(acks.size() > 3);

  auto store = database->open();
  const BlobStore blobs(blobDir);
  for (const auto& [id, hash] : acks) {
    const auto doc = store->documents().find(id);
    REQUIRE(doc.has_value());
    CHECK(doc->blobSha256 == hash);
    CHECK(blobs.exists(hash));
    CHECK(store->jobs().listForDocument(id).size() == 1);
  }
  // Committed but unacknowledged uploads may exist too; each still has its job.
  const auto stored = store->documents().listForRound(applicationId, 1);
  CHECK(stored.size() >= acks.size());
  for (const auto& doc : stored) CHECK(store->jobs().listForDocument(doc.id).size() == 1);
  // The job the dead worker held comes back once its lease (two minutes) has run out.
  const auto before = store->jobs().claim("survivor", at(129), JobPolicy{});
  REQUIRE(before.has_value());
  CHECK(before->kind == kPrecheckJob);
  const auto taken = store->jobs().claim("survivor", at(130), JobPolicy{});
  REQUIRE(taken.has_value());
  CHECK(taken->kind == "report");
  CHECK(taken->attempts == 2);
  Poco::File(blobDir).remove(true);
}

}  // namespace
}  // namespace mkrp::store
