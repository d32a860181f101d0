// Settings that make no sense are refused before anything runs, naming the setting and what to
// write instead.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "app_testing.h"

namespace mkrp::app::testing {
namespace {

Run migrateWith(const std::string& settings) {
  TemporaryDirectory data;
  const std::string config = data.file("mkrp.properties");
  writeFile(config, "data_dir = " + data.file("var") + "\n" + settings);
  return mkrp({"migrate", "--config", config});
}

TEST_CASE("each setting that makes no sense is refused, naming it and what to write", "[app]") {
  struct Refused {
    std::string settings;
    std::string message;
  };
  for (const Refused& c : std::vector<Refused>{
           {"http.public_url = mkrp.example.org\n",
            "http.public_url must start with http:// or https://"},
           {"smtp.host = 127.0.0.1\nsmtp.username = mailer\n",
            "smtp.username and smtp.password go together: set both, or neither"},
           {"smtp.port = 70000\n", "smtp.port"},
           {"http.trusted_proxies = 127.0.0.1, nginx.local\n",
            "http.trusted_proxies: \"nginx.local\" is not an IP address"},
       }) {
    INFO(c.settings);
    const Run run = migrateWith(c.settings);
    CHECK(run.exitCode == 1);  // a usage mistake, as for any bad option
    CHECK_THAT(run.err, Catch::Contains(c.message));
  }
}

TEST_CASE("a public https address, an SMTP server and trusted proxies are accepted", "[app]") {
  const Run run = migrateWith(
      "http.public_url = https://mkrp.example.org\nsmtp.host = 127.0.0.1\nsmtp.port = 2525\n"
      "http.trusted_proxies = 127.0.0.1, ::1\n");
  INFO(run.err);
  CHECK(run.exitCode == 0);
}

TEST_CASE("mkrp membership run-daily applies what is due and says so, and refuses other words",
          "[app]") {
  TemporaryDirectory data;
  const Run run = mkrp({"membership", "run-daily", "--data-dir", data.file("var")});
  INFO(run.err);
  CHECK(run.exitCode == 0);
  CHECK(run.out == "reminders sent: 0, memberships lapsed: 0\n");
  const Run wrong = mkrp({"membership", "renew"});
  CHECK(wrong.exitCode == 1);
  CHECK_THAT(wrong.err, Catch::Contains("the only membership command is run-daily"));
}

}  // namespace
}  // namespace mkrp::app::testing
