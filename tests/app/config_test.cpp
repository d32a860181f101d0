// Settings that make no sense are refused before anything runs, naming the setting and what to
// write instead.
#include <catch2/catch.hpp>

#include "app_testing.h"

namespace mkrp::app::testing {
namespace {

Run migrateWith(const std::string& settings) {
  TemporaryDirectory data;
  const std::string config = data.file("mkrp.properties");
  writeFile(config, "data_dir = " + data.file("var") + "\n" + settings);
  return mkrp({"migrate", "--config", config});
}

TEST_CASE("a public address that is not http or https is refused", "[app]") {
  const Run run = migrateWith("http.public_url = mkrp.example.org\n");
  CHECK(run.exitCode == 1);  // a usage mistake, as for any bad option
  CHECK_THAT(run.err, Catch::Contains("http.public_url must start with http:// or https://"));
}

TEST_CASE("an SMTP user without a password is refused", "[app]") {
  const Run run = migrateWith("smtp.host = 127.0.0.1\nsmtp.username = mailer\n");
  CHECK(run.exitCode == 1);  // a usage mistake, as for any bad option
  CHECK_THAT(run.err,
             Catch::Contains("smtp.username and smtp.password go together: set both, or neither"));
}

TEST_CASE("an SMTP port out of range is refused", "[app]") {
  const Run run = migrateWith("smtp.port = 70000\n");
  CHECK(run.exitCode == 1);  // a usage mistake, as for any bad option
  CHECK_THAT(run.err, Catch::Contains("smtp.port"));
}

TEST_CASE("a trusted proxy that is not an IP address is refused", "[app]") {
  const Run run = migrateWith("http.trusted_proxies = 127.0.0.1, nginx.local\n");
  CHECK(run.exitCode == 1);  // a usage mistake, as for any bad option
  CHECK_THAT(run.err, Catch::Contains("http.trusted_proxies: \"nginx.local\" is not an IP address"));
}

TEST_CASE("a public https address, an SMTP server and trusted proxies are accepted", "[app]") {
  const Run run = migrateWith(
      "http.public_url = https://mkrp.example.org\nsmtp.host = 127.0.0.1\nsmtp.port = 2525\n"
      "http.trusted_proxies = 127.0.0.1, ::1\n");
  INFO(run.err);
  CHECK(run.exitCode == 0);
}

}  // namespace
}  // namespace mkrp::app::testing
