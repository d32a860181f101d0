// Two `mkrp serve` processes on one PostgreSQL database and one data directory, as several
// instances behind a load balancer run: every job's effect happens exactly once, a killed
// instance's work is taken over when its leases run out, and concurrent writes through different
// instances collide into one success and clear 409s.
#include <Poco/Environment.h>
#include <Poco/NumberParser.h>
#include <Poco/Thread.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "app_testing.h"
#include "store/open/open_store.h"
#include "workflow/accounts.h"
#include "workflow/clock.h"

namespace mkrp::app::testing {
namespace {

const std::string kPassword = "correct horse battery staple";
constexpr int kLeaseSeconds = 10;  // the shortest the service accepts

// How many documents the takeover test uploads; MKRP_MULTI_INSTANCE_DOCUMENTS overrides it.
int documentCount() {
  return Poco::NumberParser::parse(Poco::Environment::get("MKRP_MULTI_INSTANCE_DOCUMENTS", "300"));
}

std::string emailOfAgency(int index) { return "staff" + std::to_string(index) + "@agency.test"; }
std::string emailOfReviewer(int index) { return "reviewer" + std::to_string(index) + "@mkrp.test"; }

// One PostgreSQL database, one data directory and a config file naming both, with `agencies`
// agencies (one staff account each) and two reviewers, and two instances serving them.
class TwoInstances {
 public:
  explicit TwoInstances(int agencies) {
    writeFile(config_, "data_dir = " + dir_.file("var") + "\ndatabase = " + database_.url() +
                           "\nworkers = 2\njobs.lease_seconds = " + std::to_string(kLeaseSeconds) +
                           "\nextract.timeout_seconds = 8\n");
    const Run migrate = mkrp({"migrate", "--config", config_});
    if (migrate.exitCode != 0) throw Poco::RuntimeException("migrate failed: " + migrate.err);
    addAccounts(agencies);
    a_ = std::make_unique<ServeProcess>(std::vector<std::string>{"--config", config_},
                                        dir_.file("a.log"));
    b_ = std::make_unique<ServeProcess>(std::vector<std::string>{"--config", config_},
                                        dir_.file("b.log"));
  }

  ServeProcess& a() { return *a_; }
  ServeProcess& b() { return *b_; }
  const PostgresDatabase& database() const { return database_; }

  // A client of `serve` signed in as `email`.
  Client signedIn(const ServeProcess& serve, const std::string& email) {
    Client client(serve.port());
    client.login(email, kPassword);
    return client;
  }

  std::int64_t count(const std::string& sql) const { return database_.scalar(sql); }

  // Waits until `sql` counts `expected`; false when `seconds` pass first.
  bool waitFor(const std::string& sql, std::int64_t expected, int seconds) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (count(sql) == expected) return true;
      Poco::Thread::sleep(200);
    }
    return count(sql) == expected;
  }

 private:
  // Straight into the store, with the cheapest password hashes: seeding is not what is tested.
  void addAccounts(int agencies) {
    const auto store = store::openStore(database_.url(), dir_.file("var"), false);
    const workflow::SystemClock clock;
    workflow::AccountsOptions options;
    options.passwordCost = workflow::PasswordCost::minimal();
    workflow::Accounts accounts(*store, clock, options);
    for (int i = 0; i < agencies; ++i) {
      store::NewAgency agency;
      agency.name = "Agency " + std::to_string(i);
      agency.state = "VA";
      const store::Id id = accounts.addAgency(agency).id;
      accounts.addUser(emailOfAgency(i), store::Role::Agency, id, kPassword);
    }
    for (int i = 0; i < 2; ++i) {
      accounts.addUser(emailOfReviewer(i), store::Role::Reviewer, std::nullopt, kPassword);
    }
  }

  PostgresDatabase database_;
  TemporaryDirectory dir_;
  std::string config_ = dir_.file("mkrp.properties");
  std::unique_ptr<ServeProcess> a_;
  std::unique_ptr<ServeProcess> b_;
};

std::string applicationPath(std::int64_t id) {
  return "/api/v1/applications/" + std::to_string(id);
}

std::int64_t createApplication(Client& client) {
  const Reply reply = client.post("/api/v1/applications", R"({"type":"initial"})");
  if (reply.status != 201) throw Poco::RuntimeException("create failed: " + reply.body);
  return reply.object()->getValue<std::int64_t>("id");
}

std::int64_t upload(Client& client, std::int64_t application, int number) {
  const Reply reply = client.upload(applicationPath(application) + "/documents",
                                    "directive-" + std::to_string(number) + ".docx", sampleDocx());
  if (reply.status != 201) {
    throw Poco::RuntimeException("upload " + std::to_string(number) + " failed (" +
                                 std::to_string(reply.status) + "): " + reply.body);
  }
  return reply.object()->getValue<std::int64_t>("id");
}

// The number of jobs instance `serve` holds a lease on.
std::string leasedBy(const ServeProcess& serve) {
  return "SELECT COUNT(*) FROM jobs WHERE state = 'leased' AND lease_owner LIKE '%pid" +
         std::to_string(serve.pid()) + "-%'";
}

TEST_CASE("documents uploaded through two instances, one killed halfway, are each checked once",
          "[multi_instance][postgresql]") {
  const int documents = documentCount();
  const int agencies = (documents + 19) / 20;  // at most 20 documents per application round
  TwoInstances cluster(agencies);
  std::vector<Client> onA, onB;
  std::vector<std::int64_t> applications;
  for (int i = 0; i < agencies; ++i) {
    onA.push_back(cluster.signedIn(cluster.a(), emailOfAgency(i)));
    onB.push_back(onA.back().on(cluster.b().port()));
    applications.push_back(createApplication(i % 2 == 0 ? onA.back() : onB.back()));
  }

  // From halfway on, A is killed as soon as it holds work, so that the takeover is what
  // finishes that work; until then it keeps taking every other upload.
  std::set<std::int64_t> acknowledged;
  std::int64_t orphaned = 0;
  for (int n = 0; n < documents; ++n) {
    if (cluster.a().running() && n >= documents / 2) {
      // A is frozen while its leases are counted, so that what it holds cannot finish between
      // looking and killing; it is killed only when it holds something, else it goes on.
      ::kill(cluster.a().pid(), SIGSTOP);
      const std::int64_t held = cluster.count(leasedBy(cluster.a()));
      if (held > 0) {
        cluster.a().kill();
        orphaned = held;
      } else {
        ::kill(cluster.a().pid(), SIGCONT);
      }
    }
    const int agency = n % agencies;
    const bool throughA = cluster.a().running() && n % 2 == 0;
    Client& client = throughA ? onA[agency] : onB[agency];
    acknowledged.insert(upload(client, applications[agency], n));
  }
  REQUIRE_FALSE(cluster.a().running());
  INFO("jobs A held when it was killed: " << orphaned);
  REQUIRE(orphaned > 0);
  REQUIRE(acknowledged.size() == static_cast<std::size_t>(documents));

  // The rest, and what A held, are finished by B once A's leases run out.
  CHECK(cluster.waitFor("SELECT COUNT(*) FROM jobs WHERE state = 'done'", documents, 600));
  CHECK(cluster.count("SELECT COUNT(*) FROM documents") == documents);
  CHECK(cluster.count("SELECT COUNT(*) FROM documents WHERE status = 'checked' AND "
                      "findings_json IS NOT NULL") == documents);
  CHECK(cluster.count("SELECT COUNT(*) FROM jobs WHERE state <> 'done'") == 0);
  // Each document's effect exactly once: one "checked" entry per document, none twice.
  CHECK(cluster.count("SELECT COUNT(*) FROM audit_log WHERE action = 'document.checked'") ==
        documents);
  CHECK(cluster.count("SELECT COUNT(DISTINCT entity_id) FROM audit_log WHERE action = "
                      "'document.checked'") == documents);
  // What A held when it died was taken over: those jobs needed a second attempt.
  CHECK(cluster.count("SELECT COUNT(*) FROM jobs WHERE attempts > 1") >= orphaned);
  CHECK(cluster.count("SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM "
                      "jobs WHERE state = 'done')") == 0);
}

TEST_CASE("two reviewers on two instances claiming one application at once: one wins, one 409",
          "[multi_instance][postgresql]") {
  constexpr int kApplications = 4;
  TwoInstances cluster(kApplications);
  std::vector<std::int64_t> applications;
  for (int i = 0; i < kApplications; ++i) {
    Client agency = cluster.signedIn(i % 2 == 0 ? cluster.a() : cluster.b(), emailOfAgency(i));
    applications.push_back(createApplication(agency));
    upload(agency, applications.back(), i);
  }
  REQUIRE(cluster.waitFor("SELECT COUNT(*) FROM documents WHERE status = 'checked'", kApplications,
                          300));
  for (int i = 0; i < kApplications; ++i) {
    Client agency = cluster.signedIn(cluster.b(), emailOfAgency(i));
    const Reply submitted = agency.post(applicationPath(applications[i]) + "/submit");
    INFO(submitted.body);
    REQUIRE(submitted.status == 200);
  }

  Client first = cluster.signedIn(cluster.a(), emailOfReviewer(0));
  Client second = cluster.signedIn(cluster.b(), emailOfReviewer(1));
  for (const std::int64_t id : applications) {
    const std::string claim = applicationPath(id) + "/claim";
    auto a = std::async(std::launch::async, [&] { return first.post(claim); });
    auto b = std::async(std::launch::async, [&] { return second.post(claim); });
    const Reply ra = a.get(), rb = b.get();
    INFO("application " << id << ": " << ra.status << " " << ra.body << " / " << rb.status << " "
                        << rb.body);
    CHECK(std::multiset<int>{ra.status, rb.status} == std::multiset<int>{200, 409});
    const Reply& lost = ra.status == 409 ? ra : rb;
    CHECK(lost.error() == "Application " + std::to_string(id) +
                              " has been claimed by another reviewer. Pick another one from the "
                              "queue.");
  }
  CHECK(cluster.count("SELECT COUNT(*) FROM applications WHERE assignee_id IS NOT NULL") ==
        kApplications);
}

TEST_CASE("an agency starting its application on two instances at once gets one 201, then 409s",
          "[multi_instance][postgresql]") {
  constexpr int kAgencies = 3;
  constexpr int kAttempts = 8;
  TwoInstances cluster(kAgencies);
  for (int i = 0; i < kAgencies; ++i) {
    Client onA = cluster.signedIn(cluster.a(), emailOfAgency(i));
    Client onB = onA.on(cluster.b().port());
    std::vector<std::future<Reply>> attempts;
    for (int n = 0; n < kAttempts; ++n) {
      Client& client = n % 2 == 0 ? onA : onB;
      attempts.push_back(std::async(std::launch::async, [&client] {
        return client.post("/api/v1/applications", R"({"type":"initial"})");
      }));
    }
    std::multiset<int> statuses;
    for (auto& attempt : attempts) {
      const Reply reply = attempt.get();
      statuses.insert(reply.status);
      if (reply.status == 409) {
        CHECK(reply.error() ==
              "This agency has an open application already. Continue with that one, or withdraw "
              "it before starting another.");
      }
    }
    CHECK(statuses.count(201) == 1);
    CHECK(statuses.count(409) == kAttempts - 1);
  }
  CHECK(cluster.count("SELECT COUNT(*) FROM applications") == kAgencies);
}

}  // namespace
}  // namespace mkrp::app::testing
