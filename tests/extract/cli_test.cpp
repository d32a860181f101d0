// The `mkrp extract` command, run as the built executable: what a person at an agency sees.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mkrp_cli.h"

namespace {

namespace fs = std::filesystem;

using mkrp::testing::Run;
using mkrp::testing::runMkrp;
using Folder = mkrp::testing::TemporaryFolder;

// Exactly one line on standard error, naming the file.
void requireOneLineAbout(const Run& run, const std::string& file) {
  REQUIRE(run.errors.find('\n') == run.errors.size() - 1);
  REQUIRE_THAT(run.errors, Catch::StartsWith("mkrp extract: " + file + ": "));
}

}  // namespace

TEST_CASE("mkrp extract reports a missing file in one line and exits 2", "[extract][cli]") {
  const Run run = runMkrp({"extract", "/nonexistent/directive.docx"});
  REQUIRE(run.exitCode == 2);
  requireOneLineAbout(run, "/nonexistent/directive.docx");
  REQUIRE_THAT(run.errors, Catch::Contains("no such file"));
  REQUIRE(run.output.empty());
}

TEST_CASE("mkrp extract refuses an empty file and says what to submit", "[extract][cli]") {
  const Folder folder;
  const std::string file = folder.write("directive.pdf", "");
  const Run run = runMkrp({"extract", file});
  REQUIRE(run.exitCode == 2);
  requireOneLineAbout(run, file);
  REQUIRE_THAT(run.errors,
               Catch::Contains("the file is empty") && Catch::Contains("PDF, DOCX or ODT"));
}

TEST_CASE("mkrp extract judges a file by its content, not its name", "[extract][cli]") {
  const Folder folder;
  const std::string file = folder.write("directive.docx", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR");
  const Run run = runMkrp({"extract", file});
  REQUIRE(run.exitCode == 2);
  requireOneLineAbout(run, file);
  REQUIRE_THAT(run.errors, Catch::Contains("looks like an image") && Catch::Contains("to PDF"));
}

TEST_CASE("mkrp extract refuses a file above --max-file-mb before reading it", "[extract][cli]") {
  const Folder folder;
  const std::string file = folder.write("big.pdf", "%PDF-1.4\n" + std::string(3 << 20, ' '));
  const Run run = runMkrp({"extract", file, "--max-file-mb", "2"});
  REQUIRE(run.exitCode == 2);
  requireOneLineAbout(run, file);
  REQUIRE_THAT(run.errors, Catch::Contains("the file is 3 MiB, more than the 2 MiB allowed"));
}

TEST_CASE("mkrp extract refuses a folder in place of a file", "[extract][cli]") {
  const Folder folder;
  const Run run = runMkrp({"extract", folder.path()});
  REQUIRE(run.exitCode == 2);
  requireOneLineAbout(run, folder.path());
  REQUIRE_THAT(run.errors, Catch::Contains("not a file"));
}

TEST_CASE("mkrp extract without a file or with a bad option is a usage error", "[extract][cli]") {
  REQUIRE(runMkrp({"extract"}).exitCode == 1);
  REQUIRE(runMkrp({"extract", "x.pdf", "--format", "html"}).exitCode == 1);
  REQUIRE(runMkrp({"extract", "x.pdf", "--timeout", "soon"}).exitCode == 1);
  REQUIRE_THAT(runMkrp({"extract", "x.pdf", "--max-memory-mb", "-5"}).errors,
               Catch::Contains("--max-memory-mb needs a positive whole number"));
}

TEST_CASE("mkrp extract gives the same answer in the sandbox and in process", "[extract][cli]") {
  const fs::path corpus = MKRP_CORPUS_DIR;
  if (!fs::is_directory(corpus / "docx") || !fs::is_directory(corpus / "pdf")) {
    WARN("corpus not found at " << corpus << "; skipped");
    return;
  }
  for (const char* kind : {"docx", "pdf"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus / kind)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i < files.size(); i += files.size() / 3 + 1) {
      INFO("file: " << files[i]);
      const Run sandboxed = runMkrp({"extract", files[i].string(), "--format", "json"});
      const Run inProcess =
          runMkrp({"extract", files[i].string(), "--format", "json", "--in-process"});
      REQUIRE(sandboxed.exitCode == inProcess.exitCode);
      REQUIRE(sandboxed.output == inProcess.output);
      REQUIRE(sandboxed.errors == inProcess.errors);
    }
  }
}
