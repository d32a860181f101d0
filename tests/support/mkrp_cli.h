// Running the built `mkrp` from a test, the way a person runs it, and a temporary folder for the
// files it reads and writes. The test target that includes this defines MKRP_BINARY (the path of
// the built executable) and links mkrp::extract (the process runner).
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/sandbox_process.h"

namespace mkrp::testing {

struct Run {
  int exitCode = -1;
  std::string output;
  std::string errors;
};

// `mkrp args...` with an empty standard input; requires that it exits by itself.
inline Run runMkrp(std::vector<std::string> args) {
  args.insert(args.begin(), MKRP_BINARY);
  const auto result = extract::runSandboxed(args, "", {});
  REQUIRE(result.status == extract::SandboxStatus::Exited);
  return {result.exitCode, result.output, result.errors};
}

// A new folder under /tmp, removed with its files afterwards.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    char name[] = "/tmp/mkrp-cli-test-XXXXXX";
    REQUIRE(::mkdtemp(name));
    path_ = name;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  std::string path() const { return path_.string(); }
  // Where `name` is (or would be) in the folder.
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  // Writes `bytes` to `name` in the folder and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path_ / name, std::ios::binary) << bytes;
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace mkrp::testing
