// The service's commands as a person runs them: `mkrp migrate`, `agency add`, `user add` and
// `serve --demo` on one data directory, through the built `mkrp`.
#include <Poco/FileStream.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <catch2/catch.hpp>
#include <regex>

#include "app_testing.h"
#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

// The runner and temporary directories of the command-line tests (tests/app).
using app::testing::mkrp;
using app::testing::Run;
using DataDirectory = app::testing::TemporaryDirectory;

TEST_CASE("mkrp migrate brings a new data directory to the latest version", "[web]") {
  DataDirectory data;
  const Run run = mkrp({"migrate", "--data-dir", data.path() + "/var"});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.out, Catch::Contains("applied 1: "));
  CHECK_THAT(run.out, Catch::Contains("is at version"));
  CHECK_THAT(mkrp({"migrate", "--data-dir", data.path() + "/var"}).out, !Catch::Contains("applied"));
}

TEST_CASE("mkrp agency add and user add print the new ids", "[web]") {
  DataDirectory data;
  const Run agency = mkrp({"agency", "add", "--data-dir", data.path(), "--name", "Harlow PD",
                           "--kind", "le", "--state", "VA", "--ori", "VA0010000"});
  INFO(agency.err);
  REQUIRE(agency.exitCode == 0);
  CHECK(agency.out == "1\n");
  const Run user = mkrp({"user", "add", "--data-dir", data.path(), "--email", "a@harlow.test",
                         "--role", "agency", "--agency", "1", "--password-stdin"},
                        "correct horse battery staple\n");
  INFO(user.err);
  REQUIRE(user.exitCode == 0);
  CHECK(user.out == "1\n");
}

TEST_CASE("mkrp user add refuses a short password and a password on the command line", "[web]") {
  DataDirectory data;
  const Run shortPassword = mkrp({"user", "add", "--data-dir", data.path(), "--email", "r@mkrp.test",
                                  "--role", "reviewer", "--password-stdin"},
                                 "short\n");
  CHECK(shortPassword.exitCode == 2);
  CHECK_THAT(shortPassword.err, Catch::Contains("at least 12 characters"));
  const Run noStdin = mkrp({"user", "add", "--data-dir", data.path(), "--email", "r@mkrp.test",
                            "--role", "reviewer", "--password", "correct horse battery"});
  CHECK(noStdin.exitCode == 1);
  CHECK_THAT(noStdin.err, Catch::Contains("--password-stdin"));
}

TEST_CASE("mkrp agency add refuses an unknown kind", "[web]") {
  DataDirectory data;
  const Run run = mkrp({"agency", "add", "--data-dir", data.path(), "--name", "Harlow PD", "--kind",
                        "fire", "--state", "VA"});
  CHECK(run.exitCode == 1);
  CHECK_THAT(run.err, Catch::Contains("--kind must be le or psap, not 'fire'"));
}

TEST_CASE("mkrp serve --demo prints working accounts and stops on a signal", "[web]") {
  DataDirectory data;
  // A reviewer made by the command line before the service starts, in the same store.
  REQUIRE(mkrp({"user", "add", "--data-dir", data.path() + "/var", "--email", "r@mkrp.test", "--role",
                "reviewer", "--password-stdin"},
               "correct horse battery staple\n")
              .exitCode == 0);
  const std::string config = data.path() + "/mkrp.properties";
  {
    Poco::FileOutputStream file(config);
    file << "data_dir = " << data.path() << "/var\nhttp.port = 0\nchecklists = " << MKRP_SOURCE_DIR
         << "/checklists\nlog.level = warning\n";
  }
  Poco::Pipe out;
  Poco::ProcessHandle process = Poco::Process::launch(
      MKRP_BINARY, {"serve", "--config", config, "--demo"}, nullptr, &out, nullptr);
  Poco::PipeInputStream fromChild(out);
  std::string printed, line;
  std::smatch match;
  int port = 0;
  while (port == 0 && std::getline(fromChild, line)) {
    printed += line + "\n";
    if (std::regex_search(line, match, std::regex("listening on http://127.0.0.1:(\\d+)"))) {
      port = std::stoi(match[1]);
    }
  }
  INFO(printed);
  REQUIRE(port > 0);
  REQUIRE(std::regex_search(printed, match,
                            std::regex("agency@demo.mkrp.test  password ([A-Za-z0-9]+)")));
  Client agency(static_cast<std::uint16_t>(port));
  CHECK(agency.login("agency@demo.mkrp.test", match[1]).status == 200);
  CHECK(agency.post(api("/applications"), R"({"type":"initial"})").status == 201);
  Client reviewer(static_cast<std::uint16_t>(port));
  CHECK(reviewer.login("r@mkrp.test", "correct horse battery staple").status == 200);
  Poco::Process::requestTermination(process.id());
  CHECK(process.wait() == 0);
}

}  // namespace
}  // namespace mkrp::web::testing
