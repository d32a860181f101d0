// `mkrp check`, run as the built executable on the sample directive (scripts/make-sample.sh).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mkrp_cli.h"

namespace {

namespace fs = std::filesystem;

using mkrp::testing::Run;
using mkrp::testing::runMkrp;
using Folder = mkrp::testing::TemporaryFolder;

// The sample directive DOCX (scripts/make-sample.sh), made in `folder`.
std::string sample(const Folder& folder) {
  const std::string out = folder.file("sample.docx");
  const std::string command =
      std::string(MKRP_SOURCE_DIR) + "/scripts/make-sample.sh " + out + " >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("mkrp check prints the report as JSON and exits 0", "[check][cli]") {
  const Folder folder;
  const Run run = runMkrp({"check", sample(folder), "--kind", "le", "--format", "json"});
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.output, Catch::StartsWith("{\"kind\":\"le\"") &&
                             Catch::Contains("\"id\":\"LE-05\"") &&
                             Catch::Contains("\"summary\":{\"met\":") &&
                             Catch::Contains("\"file\":\"sample.docx\""));
  CHECK(run.errors.empty());
}

TEST_CASE("mkrp check prints a text summary by default", "[check][cli]") {
  const Folder folder;
  const Run run = runMkrp({"check", sample(folder), "--kind=psap"});
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.output, Catch::Contains("QA-01") && Catch::Contains("PSAP-01"));
}

TEST_CASE("mkrp check writes a self-contained HTML page to --out", "[check][cli]") {
  const Folder folder;
  const std::string out = folder.file("report.html");
  // Not through runSandboxed: it forbids writing files.
  const std::string command = std::string(MKRP_BINARY) + " check " + sample(folder) +
                              " --kind le --format html --out " + out + " > " +
                              folder.file("stdout.txt");
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(slurp(folder.file("stdout.txt")).empty());
  CHECK_THAT(slurp(out), Catch::Contains("<html") && Catch::Contains("LE-05"));
}

TEST_CASE("mkrp check reports an unreadable file in one line and exits 2", "[check][cli]") {
  const Folder folder;
  const std::string empty = folder.file("empty.pdf");
  std::ofstream(empty).close();
  const Run run = runMkrp({"check", sample(folder), empty, "--kind", "le"});
  REQUIRE(run.exitCode == 2);
  CHECK(run.output.empty());
  CHECK_THAT(run.errors, Catch::StartsWith("mkrp check: " + empty + ": ") &&
                             Catch::Contains("the file is empty"));
  CHECK(run.errors.find('\n') == run.errors.size() - 1);
}

TEST_CASE("mkrp check says which agency kind is needed and exits 1", "[check][cli]") {
  const Folder folder;
  const Run run = runMkrp({"check", sample(folder)});
  REQUIRE(run.exitCode == 1);
  CHECK_THAT(run.errors, Catch::Contains("--kind le") && Catch::Contains("--kind psap"));
  CHECK(runMkrp({"check", sample(folder), "--kind", "fire"}).exitCode == 1);
  CHECK(runMkrp({"check", "--kind", "le"}).exitCode == 1);
  CHECK(runMkrp({"check", sample(folder), "--kind", "le", "--format", "pdf"}).exitCode == 1);
}

TEST_CASE("mkrp check refuses a checklist folder with mistakes and exits 2", "[check][cli]") {
  const Folder folder;
  const Run run =
      runMkrp({"check", sample(folder), "--kind", "le", "--checklists", folder.file("none")});
  REQUIRE(run.exitCode == 2);
  CHECK_THAT(run.errors, Catch::Contains("mkrp check: the checklists in"));
}
