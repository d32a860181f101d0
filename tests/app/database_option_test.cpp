// `--database URL` and the `database` key of the config file, as a person uses them: every command
// that opens the store works on the database they name, SQLite or PostgreSQL.
#include <Poco/File.h>

#include <catch2/catch.hpp>

#include "app_testing.h"

namespace mkrp::app::testing {
namespace {

const std::string kPassword = "correct horse battery staple";

TEST_CASE("mkrp migrate --database sqlite:PATH migrates that file, not the data directory's",
          "[app]") {
  TemporaryDirectory data;
  const std::string database = data.file("elsewhere.db");
  const Run run =
      mkrp({"migrate", "--data-dir", data.file("var"), "--database", "sqlite:" + database});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.out, Catch::Contains("applied 1: "));
  CHECK_THAT(run.out, Catch::Contains("sqlite:" + database + " is at version"));
  CHECK(Poco::File(database).exists());
  CHECK_FALSE(Poco::File(data.file("var/mkrp.db")).exists());
}

TEST_CASE("without --database the commands use sqlite in the data directory", "[app]") {
  TemporaryDirectory data;
  const Run run = mkrp({"migrate", "--data-dir", data.path()});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.out, Catch::Contains("sqlite:" + data.file("mkrp.db") + " is at version"));
}

TEST_CASE("the database key of the config file names the database agency add works on", "[app]") {
  TemporaryDirectory data;
  const std::string database = data.file("from-config.db");
  writeFile(data.file("mkrp.properties"),
            "data_dir = " + data.file("var") + "\ndatabase = sqlite:" + database + "\n");
  const Run first = mkrp({"agency", "add", "--config", data.file("mkrp.properties"), "--name",
                          "Harlow PD", "--kind", "le", "--state", "VA"});
  INFO(first.err);
  REQUIRE(first.exitCode == 0);
  CHECK(first.out == "1\n");
  // The same database named on the command line holds that agency: the next one is number 2.
  const Run second =
      mkrp({"agency", "add", "--database", "sqlite:" + database, "--data-dir", data.file("other"),
            "--name", "Calder County SO", "--kind", "le", "--state", "VA"});
  INFO(second.err);
  CHECK(second.out == "2\n");
  CHECK_FALSE(Poco::File(data.file("var/mkrp.db")).exists());
}

TEST_CASE("a --database option wins over the database key of the config file", "[app]") {
  TemporaryDirectory data;
  writeFile(data.file("mkrp.properties"), "database = sqlite:" + data.file("config.db") + "\n");
  const Run run = mkrp({"migrate", "--config", data.file("mkrp.properties"), "--data-dir",
                        data.path(), "--database", "sqlite:" + data.file("option.db")});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(Poco::File(data.file("option.db")).exists());
  CHECK_FALSE(Poco::File(data.file("config.db")).exists());
}

TEST_CASE("a database address of an unknown kind is refused with what to write instead", "[app]") {
  TemporaryDirectory data;
  const Run run =
      mkrp({"user", "add", "--data-dir", data.path(), "--database", "mysql://root@localhost/mkrp",
            "--email", "r@mkrp.test", "--role", "reviewer", "--password-stdin"},
           kPassword + "\n");
  CHECK(run.exitCode == 2);
  CHECK(run.err ==
        "mkrp user: The database address \"mysql://root@localhost/mkrp\" is neither sqlite:PATH "
        "nor postgresql://user:password@host:port/dbname.\n");
}

TEST_CASE("mkrp serve refuses a database address of an unknown kind before it listens", "[app]") {
  TemporaryDirectory data;
  const Run run =
      mkrp({"serve", "--data-dir", data.path(), "--port", "0", "--database", "oracle:mkrp"});
  CHECK(run.exitCode == 2);
  CHECK_THAT(run.err, Catch::Contains("is neither sqlite:PATH nor postgresql://"));
  CHECK_THAT(run.out, !Catch::Contains("listening"));
}

TEST_CASE("mkrp migrate on PostgreSQL brings a new database up to date and hides the password",
          "[app][postgresql]") {
  PostgresDatabase database;
  TemporaryDirectory data;
  const Run run = mkrp({"migrate", "--data-dir", data.path(), "--database", database.url()});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.out, Catch::Contains("applied 1: "));
  CHECK_THAT(run.out, Catch::Contains(":***@"));
  CHECK(database.scalar("SELECT COUNT(*) FROM schema_migrations") > 0);
  CHECK_FALSE(Poco::File(data.file("mkrp.db")).exists());
  const Run again = mkrp({"migrate", "--data-dir", data.path(), "--database", database.url()});
  CHECK(again.exitCode == 0);
  CHECK_THAT(again.out, !Catch::Contains("applied"));
}

TEST_CASE("one config line and mkrp migrate move a deployment onto PostgreSQL",
          "[app][postgresql]") {
  PostgresDatabase database;
  TemporaryDirectory data;
  const std::string config = data.file("mkrp.properties");
  writeFile(config, "data_dir = " + data.file("var") + "\ndatabase = " + database.url() + "\n");
  REQUIRE(mkrp({"migrate", "--config", config}).exitCode == 0);
  const Run agency = mkrp({"agency", "add", "--config", config, "--name", "Harlow PD", "--kind",
                           "le", "--state", "VA"});
  INFO(agency.err);
  REQUIRE(agency.exitCode == 0);
  const Run user = mkrp({"user", "add", "--config", config, "--email", "staff@harlow.test",
                         "--role", "agency", "--agency", "1", "--password-stdin"},
                        kPassword + "\n");
  INFO(user.err);
  REQUIRE(user.exitCode == 0);
  CHECK(database.scalar("SELECT COUNT(*) FROM users WHERE email_key = 'staff@harlow.test'") == 1);

  ServeProcess serve({"--config", config}, data.file("serve.log"));
  Client client(serve.port());
  client.login("staff@harlow.test", kPassword);
  const Reply created = client.post("/api/v1/applications", R"({"type":"initial"})");
  INFO(created.body);
  CHECK(created.status == 201);
  CHECK(database.scalar("SELECT COUNT(*) FROM applications") == 1);
  CHECK(database.scalar("SELECT COUNT(*) FROM sessions") == 1);
  CHECK_FALSE(Poco::File(data.file("var/mkrp.db")).exists());
}

}  // namespace
}  // namespace mkrp::app::testing
