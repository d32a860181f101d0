#include "extract/sandbox.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "core/errors.h"
#include "extract/extract.h"
#include "sandbox_fakes.h"

using namespace mkrp;
using extract::SandboxLimits;
using extract::SandboxStatus;

namespace {

constexpr const char* kSelf = "/proc/self/exe";

// Options that run the fake reader (sandbox_fakes.h) instead of the real ones.
extract::SandboxOptions fakeReader(SandboxLimits limits = {}) {
  extract::SandboxOptions options;
  options.executable = extract::testing::fakeReaderPath();
  options.limits = limits;
  return options;
}

core::Document readFake(std::string_view input, SandboxLimits limits = {}) {
  return extract::extractInSandbox(input, {}, fakeReader(limits));
}

// A descriptor the child would inherit if the sandbox did not close it (no O_CLOEXEC).
class InheritableFd {
 public:
  InheritableFd() : fd_(::open("/dev/null", O_RDONLY)) {}
  ~InheritableFd() { ::close(fd_); }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

TEST_CASE("a sandboxed child gets its input and returns its output", "[extract][sandbox]") {
  std::string input(8 << 20, '\0');  // larger than any pipe buffer, both ways at once
  for (std::size_t i = 0; i < input.size(); ++i) input[i] = static_cast<char>(i * 7919 % 251);
  const auto result = extract::runSandboxed({kSelf, "__echo"}, input, {});
  REQUIRE(result.succeeded());
  REQUIRE(result.output == input);
}

TEST_CASE("a sandboxed child's exit code is reported", "[extract][sandbox]") {
  const auto result = extract::runSandboxed({kSelf, "__exit", "7"}, "", {});
  REQUIRE(result.status == SandboxStatus::Exited);
  REQUIRE(result.exitCode == 7);
  REQUIRE(extract::describe(result, {}) == "exited with code 7");
}

TEST_CASE("a sandboxed child inherits no file descriptors", "[extract][sandbox]") {
  InheritableFd open;
  REQUIRE(open.get() > 2);
  const auto result = extract::runSandboxed({kSelf, "__fds"}, "", {});
  REQUIRE(result.succeeded());
  REQUIRE(result.output == "0 1 2");
}

TEST_CASE("a sandboxed child sees only the environment it needs", "[extract][sandbox]") {
  ::setenv("MKRP_TEST_SECRET", "do-not-pass", 1);
  const auto result = extract::runSandboxed({kSelf, "__env"}, "", {}, {"MKRP_GIVEN=1"});
  ::unsetenv("MKRP_TEST_SECRET");
  REQUIRE(result.succeeded());
  REQUIRE_THAT(result.output, !Catch::Contains("MKRP_TEST_SECRET"));
  REQUIRE_THAT(result.output, Catch::Contains("MKRP_GIVEN=1\n"));
  if (std::getenv("PATH")) REQUIRE_THAT(result.output, Catch::Contains("PATH="));
}

TEST_CASE("a child that ignores its input does not hurt the caller", "[extract][sandbox]") {
  const auto result = extract::runSandboxed({kSelf, "__exit", "0"}, std::string(16 << 20, 'z'), {});
  REQUIRE(result.succeeded());
}

TEST_CASE("a child's output beyond the limit stops it", "[extract][sandbox]") {
  SandboxLimits limits;
  limits.maxOutputBytes = 1 << 20;
  const auto result = extract::runSandboxed({kSelf, "__flood"}, "", limits);
  REQUIRE(result.status == SandboxStatus::OutputTooLarge);
  REQUIRE(result.output.size() == limits.maxOutputBytes);
}

TEST_CASE("a program that cannot be started is an exception, not a result", "[extract][sandbox]") {
  REQUIRE_THROWS_AS(extract::runSandboxed({"/nonexistent/reader"}, "", {}), Poco::SystemException);
  REQUIRE_THROWS_WITH(
      extract::runSandboxed({"/nonexistent/reader"}, "", {}),
      Catch::Contains("cannot start /nonexistent/reader") && Catch::Contains("No such file"));
}

TEST_CASE("sandboxes run at once from several threads keep their streams apart",
          "[extract][sandbox]") {
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back([&outputs, i] {
      outputs[i] =
          extract::runSandboxed({kSelf, "__echo"}, std::string(1 << 20, char('a' + i)), {}).output;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    REQUIRE(outputs[i] == std::string(1 << 20, char('a' + i)));
  }
}

TEST_CASE("a document read in the sandbox is the one the reader made", "[extract][sandbox]") {
  const std::string text = "Officers shall enter the child into NCIC within two hours.";
  REQUIRE(readFake(text) == extract::testing::sampleDocument(text));
}

TEST_CASE("an answer from the sandbox that cannot be decoded is an extraction failure",
          "[extract][sandbox]") {
  REQUIRE_THROWS_AS(readFake("junk"), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("junk"), Catch::StartsWith("the reader gave an answer that could "
                                                          "not be understood"));
}

TEST_CASE("a document read in the sandbox without positions has no glyph boxes",
          "[extract][sandbox]") {
  extract::SandboxOptions options = fakeReader();
  options.withPositions = false;
  const core::Document document = extract::extractInSandbox("text", {}, options);
  REQUIRE(document.blocks.size() == 3);
  for (const core::Block& block : document.blocks) REQUIRE(block.glyphs.empty());
}

TEST_CASE("a reader's refusal in the sandbox keeps its type and message", "[extract][sandbox]") {
  REQUIRE_THROWS_AS(readFake("throw:unsupported:not a directive"),
                    core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(readFake("throw:unsupported:not a directive"), "not a directive");
  REQUIRE_THROWS_AS(readFake("throw:malformed:broken “XML”"), core::MalformedDocumentException);
  REQUIRE_THROWS_WITH(readFake("throw:malformed:broken “XML”"), "broken “XML”");
  REQUIRE_THROWS_AS(readFake("throw:limit:too many pages"), core::LimitExceededException);
  REQUIRE_THROWS_WITH(readFake("throw:limit:too many pages"), "too many pages");
  REQUIRE_THROWS_AS(readFake("throw:encrypted:password"), core::EncryptedDocumentException);
  REQUIRE_THROWS_WITH(readFake("throw:encrypted:password"), "password");
}

TEST_CASE("an unexpected reader error in the sandbox becomes a clear extraction failure",
          "[extract][sandbox]") {
  REQUIRE_THROWS_AS(readFake("throw:std:vector::at"), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("throw:std:vector::at"),
                      "the file could not be read; it may be damaged. Open it and save it again "
                      "as PDF or DOCX, then submit it again.");
}

TEST_CASE("the real reader's refusals come back from the sandbox unchanged", "[extract][sandbox]") {
  extract::Limits small;
  small.maxFileBytes = 1 << 20;
  const std::string encrypted = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(100, '\0') +
                                std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  const std::string inputs[] = {"", "\x89PNG\r\n\x1A\n....", encrypted,
                                "%PDF-1.4\n" + std::string(2 << 20, 'x')};
  for (const std::string& input : inputs) {
    std::string expected;
    try {
      extract::extractBytes(input, small);
    } catch (const Poco::Exception& error) {
      expected = std::string(error.name()) + ": " + error.message();
    }
    REQUIRE_FALSE(expected.empty());
    try {
      extract::extractInSandbox(input, small);
      FAIL("the sandbox accepted what the reader refused: " << expected);
    } catch (const Poco::Exception& error) {
      REQUIRE(std::string(error.name()) + ": " + error.message() == expected);
    }
  }
}

TEST_CASE("a reader that crashes in the sandbox becomes an extraction failure",
          "[extract][sandbox]") {
  REQUIRE_THROWS_AS(readFake("crash"), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("crash"), Catch::StartsWith("reading the file crashed the reader") &&
                                             Catch::Contains("save it again as PDF or DOCX"));
}

TEST_CASE("a reader that hangs in the sandbox is stopped at the time limit", "[extract][sandbox]") {
  SandboxLimits limits;
  limits.maxWallSeconds = 1;
  REQUIRE_THROWS_AS(readFake("sleep", limits), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("sleep", limits),
                      Catch::StartsWith("reading the file took longer than 1 s and was stopped"));
}

TEST_CASE("a reader that spins in the sandbox is stopped at the processor-time limit",
          "[extract][sandbox]") {
  SandboxLimits limits;
  limits.maxCpuSeconds = 1;
  limits.maxWallSeconds = 120;  // far away: the message proves which limit stopped it
  REQUIRE_THROWS_AS(readFake("spin", limits), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("spin", limits),
                      Catch::StartsWith("reading the file needed more than 1 s of processor time"));
}

TEST_CASE("a reader that exhausts memory in the sandbox is stopped at the memory limit",
          "[extract][sandbox]") {
  SandboxLimits limits;
  limits.maxMemoryBytes = 256 << 20;
  REQUIRE_THROWS_AS(readFake("oom", limits), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("oom", limits),
                      Catch::StartsWith("reading the file needed more than 256 MiB of memory"));
}

TEST_CASE("a reader whose output exceeds the limit in the sandbox is stopped",
          "[extract][sandbox]") {
  SandboxLimits limits;
  limits.maxOutputBytes = 4 << 20;
  REQUIRE_THROWS_AS(readFake("flood:8", limits), core::ExtractionFailedException);
  REQUIRE_THROWS_WITH(readFake("flood:8", limits),
                      Catch::StartsWith("reading the file produced more than 4 MiB of text"));
}
