// Every file of the shared corpus through the sandbox: real directives, odd producers, damaged and
// hostile files. The calling process must survive all of them (finishing this test proves it),
// and each file must give a Document or a refusal a person can act on.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <thread>

#include "core/errors.h"
#include "extract/sandbox.h"

using namespace mkrp;
namespace fs = std::filesystem;

namespace {

// Two workers: the machines that run the tests have two cores.
constexpr unsigned kWorkers = 2;

struct Outcome {
  std::string file;           // relative to the corpus, e.g. "pdf/x.pdf"
  std::string result;         // "document" or the exception's name ("Malformed document")
  std::string message;        // the refusal's message
  bool clearRefusal = true;   // a document, or one of the core exception classes
  bool readerFailed = false;  // the reader crashed, hung or ran out of memory
  double seconds = 0;
};

// MANIFEST.tsv: file -> kind (office, feature, fonts, layout, pathological, encrypted, ...).
std::map<std::string, std::string> manifestKinds(const fs::path& corpus) {
  std::map<std::string, std::string> kinds;
  std::ifstream manifest(corpus / "MANIFEST.tsv");
  std::string line;
  while (std::getline(manifest, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    if (fields.size() >= 6) kinds[fields[0]] = fields[5];
  }
  return kinds;
}

bool isCoreRefusal(const Poco::Exception& error) {
  return dynamic_cast<const core::UnsupportedFormatException*>(&error) ||
         dynamic_cast<const core::MalformedDocumentException*>(&error) ||
         dynamic_cast<const core::LimitExceededException*>(&error) ||
         dynamic_cast<const core::EncryptedDocumentException*>(&error) ||
         dynamic_cast<const core::ExtractionFailedException*>(&error);
}

Outcome readInSandbox(const fs::path& corpus, const std::string& name) {
  Outcome outcome{name, "document", "", true, false, 0};
  std::ifstream in(corpus / name, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const extract::Limits limits;
  // Processor time catches a reader that spins; the wall clock, one that waits forever. The wall
  // limit is generous because test machines run many sanitized processes at once.
  extract::SandboxOptions options;
  options.limits.maxCpuSeconds = 60;
  options.limits.maxWallSeconds = 300;
  const auto start = std::chrono::steady_clock::now();
  try {
    extract::extractInSandbox(bytes, limits, options);
  } catch (const Poco::Exception& error) {
    const bool failed = dynamic_cast<const core::ExtractionFailedException*>(&error) != nullptr;
    outcome = {name, error.name(), error.message(), isCoreRefusal(error), failed, 0};
  } catch (const std::exception& error) {
    outcome = {name, "std::exception", error.what(), false, false, 0};
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::vector<Outcome> readFolder(const fs::path& corpus, const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus / folder)) {
    names.push_back(folder + "/" + entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<Outcome> outcomes(names.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < kWorkers; ++i) {
    workers.emplace_back([&] {
      for (std::size_t at; (at = next++) < names.size();) {
        outcomes[at] = readInSandbox(corpus, names[at]);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return outcomes;
}

void printSummary(const std::string& folder, const std::vector<Outcome>& outcomes,
                  const std::map<std::string, std::string>& kinds) {
  std::map<std::string, int> byResult;
  std::map<std::string, std::pair<int, int>> readByKind;  // kind -> (documents, files)
  double slowest = 0;
  std::string slowestFile;
  for (const Outcome& outcome : outcomes) {
    ++byResult[outcome.result];
    const auto kind = kinds.find(outcome.file);
    auto& [documents, files] = readByKind[kind == kinds.end() ? "unlisted" : kind->second];
    documents += outcome.result == "document";
    ++files;
    if (outcome.seconds > slowest) slowest = outcome.seconds, slowestFile = outcome.file;
  }
  std::cout << "corpus " << folder << ": " << outcomes.size() << " files\n";
  for (const auto& [result, count] : byResult) std::cout << "  " << result << ": " << count << '\n';
  for (const auto& [kind, counts] : readByKind) {
    std::cout << "  kind " << kind << ": " << counts.first << " of " << counts.second
              << " read as documents\n";
  }
  std::cout << "  slowest: " << slowestFile << " (" << slowest << " s)\n";
  for (const Outcome& outcome : outcomes) {
    if (outcome.readerFailed || !outcome.clearRefusal) {
      std::cout << "  FAILED " << outcome.file << ": " << outcome.result << ": " << outcome.message
                << '\n';
    }
  }
}

// Runs the corpus folder through the sandbox and checks every outcome.
void checkFolder(const std::string& folder) {
  const fs::path corpus = MKRP_CORPUS_DIR;
  if (!fs::is_directory(corpus / folder)) {
    WARN("corpus folder " << (corpus / folder) << " not found; skipped");
    return;
  }
  const std::vector<Outcome> outcomes = readFolder(corpus, folder);
  printSummary(folder, outcomes, manifestKinds(corpus));
  REQUIRE_FALSE(outcomes.empty());
  for (const Outcome& outcome : outcomes) {
    INFO(outcome.file << ": " << outcome.result << ": " << outcome.message);
    CHECK(outcome.clearRefusal);
    if (outcome.result != "document") CHECK(outcome.message.size() > 10);
    // The reader itself must not crash, hang or run out of memory on a file either.
    CHECK_FALSE(outcome.readerFailed);
  }
}

}  // namespace

TEST_CASE("every corpus DOCX gives a document or a clear refusal, without a crash",
          "[extract][corpus]") {
  checkFolder("docx");
}

TEST_CASE("every corpus PDF gives a document or a clear refusal, without a crash",
          "[extract][corpus]") {
  checkFolder("pdf");
}
