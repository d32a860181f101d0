// The service is killed with SIGKILL again and again while agencies upload and a reviewer
// records item decisions. After every restart each upload and decision the service acknowledged
// is still there, and at the end no pre-check job is left stuck.
#include <Poco/Environment.h>
#include <Poco/NumberParser.h>
#include <Poco/Thread.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "app_testing.h"

namespace mkrp::app::testing {
namespace {

const std::string kPassword = "correct horse battery staple";

// How many times the service is killed; MKRP_CRASH_KILLS overrides it.
int killCount() {
  return Poco::NumberParser::parse(Poco::Environment::get("MKRP_CRASH_KILLS", "50"));
}

// The most uploads one life of the service receives: enough to be killed mid-upload, few enough
// that the pre-check keeps up.
constexpr int kUploadsPerLife = 3;

std::string idOf(const Reply& reply) {
  return std::to_string(reply.object()->getValue<std::int64_t>("id"));
}

// What the service acknowledged, shared by the threads that talk to it.
struct Acknowledged {
  std::mutex mutex;
  std::set<std::string> uploads;             // document ids answered with 201
  std::map<std::string, int> decisionRound;  // item id -> newest round answered with 200
};

class CrashingService {
 public:
  CrashingService() {
    writeFile(config_, "data_dir = " + dir_.file("var") +
                           "\nworkers = 1\njobs.lease_seconds = 10\n"
                           "extract.timeout_seconds = 8\n");
    REQUIRE(mkrp({"migrate", "--config", config_}).exitCode == 0);
    const std::string harlow = addAgency("Harlow PD");
    const std::string calder = addAgency("Calder County SO");
    addUser("a@harlow.test", "agency", harlow);
    addUser("a@calder.test", "agency", calder);
    addUser("r@mkrp.test", "reviewer", "");
  }

  // `mkrp serve` on this data; the nth start writes its own log.
  std::unique_ptr<ServeProcess> start() {
    return std::make_unique<ServeProcess>(
        std::vector<std::string>{"--config", config_},
        dir_.file("serve-" + std::to_string(starts_++) + ".log"));
  }

 private:
  std::string addAgency(const std::string& name) {
    const Run run =
        mkrp({"agency", "add", "--config", config_, "--name", name, "--kind", "le", "--state",
              "VA"});
    REQUIRE(run.exitCode == 0);
    return run.out.substr(0, run.out.find('\n'));
  }

  void addUser(const std::string& email, const std::string& role, const std::string& agency) {
    std::vector<std::string> args = {"user",   "add",  "--config",          config_, "--email",
                                     email,    "--role", role, "--password-stdin"};
    if (!agency.empty()) {
      args.push_back("--agency");
      args.push_back(agency);
    }
    REQUIRE(mkrp(args, kPassword + "\n").exitCode == 0);
  }

  TemporaryDirectory dir_;
  std::string config_ = dir_.file("mkrp.properties");
  int starts_ = 0;
};

// Polls the application until none of its documents waits for its pre-check. False after
// `seconds`.
bool allChecked(Client& client, const std::string& application, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    const Poco::JSON::Array::Ptr documents =
        client.get(application).object()->getArray("documents");
    bool waiting = false;
    for (std::size_t i = 0; i < documents->size(); ++i) {
      const std::string status =
          documents->getObject(static_cast<unsigned>(i))->getValue<std::string>("status");
      waiting = waiting || status == "queued" || status == "extracting";
    }
    if (!waiting) return true;
    Poco::Thread::sleep(250);
  }
  return false;
}

TEST_CASE("a service killed again and again keeps every acknowledged upload and decision",
          "[crash]") {
  CrashingService service;
  std::string reviewed, draft;
  std::vector<std::string> items;
  Client harlow(0), calder(0), reviewer(0);
  {
    // Harlow's application is submitted and in review; Calder keeps uploading to a draft.
    const auto serve = service.start();
    harlow = Client(serve->port());
    harlow.login("a@harlow.test", kPassword);
    const Reply created = harlow.post("/api/v1/applications", R"({"type":"initial"})");
    REQUIRE(created.status == 201);
    reviewed = "/api/v1/applications/" + idOf(created);
    REQUIRE(harlow.upload(reviewed + "/documents", "GO 41.docx", sampleDocx()).status == 201);
    REQUIRE(allChecked(harlow, reviewed, 120));
    REQUIRE(harlow.post(reviewed + "/submit").status == 200);
    reviewer = Client(serve->port());
    reviewer.login("r@mkrp.test", kPassword);
    REQUIRE(reviewer.post(reviewed + "/claim").status == 200);
    const Poco::JSON::Array::Ptr found =
        reviewer.get(reviewed).object()->getObject("precheck")->getArray("items");
    for (std::size_t i = 0; i < found->size(); ++i) {
      items.push_back(found->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    }
    REQUIRE_FALSE(items.empty());
    calder = Client(serve->port());
    calder.login("a@calder.test", kPassword);
    const Reply started = calder.post("/api/v1/applications", R"({"type":"initial"})");
    REQUIRE(started.status == 201);
    draft = "/api/v1/applications/" + idOf(started);
  }

  Acknowledged acknowledged;
  std::mt19937 random(20261128);
  int round = 0;
  const int kills = killCount();
  for (int kill = 0; kill < kills; ++kill) {
    const auto serve = service.start();
    // Sessions live in the database, so the same cookies work after a restart.
    Client uploader = calder.on(serve->port());
    Client decider = reviewer.on(serve->port());
    std::atomic<bool> stop{false};
    std::thread uploads([&] {
      try {
        for (int n = 0; n < kUploadsPerLife && !stop; ++n) {
          const Reply reply = uploader.upload(draft + "/documents", "GO " + std::to_string(n) +
                                                                        ".docx",
                                              sampleDocx());
          if (reply.status != 201) continue;
          const std::lock_guard lock(acknowledged.mutex);
          acknowledged.uploads.insert(idOf(reply));
        }
      } catch (const Poco::Exception&) {
        // The service died under the request: not acknowledged, so nothing is owed.
      }
    });
    std::thread decisions([&] {
      try {
        while (!stop) {
          const int mine = ++round;
          const std::string& item = items[static_cast<std::size_t>(mine) % items.size()];
          const Reply reply =
              decider.put(reviewed + "/items/" + item,
                          R"({"decision":"deficient","comment":"round )" + std::to_string(mine) +
                              R"("})");
          if (reply.status != 200) continue;
          const std::lock_guard lock(acknowledged.mutex);
          int& newest = acknowledged.decisionRound[item];
          newest = std::max(newest, mine);
        }
      } catch (const Poco::Exception&) {
        // As above.
      }
    });
    Poco::Thread::sleep(std::uniform_int_distribution<int>(100, 800)(random));
    serve->kill();
    stop = true;
    uploads.join();
    decisions.join();
  }

  const auto serve = service.start();
  Client agency = calder.on(serve->port());
  Client checker = reviewer.on(serve->port());
  WARN(kills << " kills; " << acknowledged.uploads.size() << " uploads and " << round
             << " item decisions sent, decisions on " << acknowledged.decisionRound.size()
             << " items acknowledged");
  CHECK(acknowledged.uploads.size() > 0);
  CHECK(acknowledged.decisionRound.size() > 0);

  std::set<std::string> stored;
  const Poco::JSON::Array::Ptr documents = agency.get(draft).object()->getArray("documents");
  for (std::size_t i = 0; i < documents->size(); ++i) {
    stored.insert(std::to_string(
        documents->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id")));
  }
  for (const std::string& id : acknowledged.uploads) {
    INFO("document " << id);
    CHECK(stored.count(id) == 1);
  }

  std::map<std::string, int> storedRound;
  const Poco::JSON::Array::Ptr decided = checker.get(reviewed).object()->getArray("decisions");
  for (std::size_t i = 0; i < decided->size(); ++i) {
    const Poco::JSON::Object::Ptr decision = decided->getObject(static_cast<unsigned>(i));
    const std::string comment = decision->getValue<std::string>("comment");
    storedRound[decision->getValue<std::string>("item")] =
        Poco::NumberParser::parse(comment.substr(comment.find(' ') + 1));
  }
  for (const auto& [item, newest] : acknowledged.decisionRound) {
    INFO("item " << item);
    // The stored decision is the newest acknowledged one, or one sent after it whose answer
    // the kill cut off.
    CHECK(storedRound[item] >= newest);
  }

  // A job a killed worker held is taken over when its lease (10 s) runs out.
  CHECK(allChecked(agency, draft, 300));
}

}  // namespace
}  // namespace mkrp::app::testing
