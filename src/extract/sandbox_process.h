// Running a program in a child process with limits, so that whatever it does to itself (crash,
// hang, exhaust memory) comes back to the caller as a value. The extraction sandbox (sandbox.h)
// is built on this; it is generic so that tests and benchmarks can run other programs the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::extract {

// What the child may use. A zero turns that limit off.
struct SandboxLimits {
  std::uint64_t maxMemoryBytes = 1ull << 30;  // address space (RSS under AddressSanitizer)
  double maxCpuSeconds = 150;                 // processor time, whole seconds (rounded up)
  double maxWallSeconds = 180;                // elapsed time from start to exit
  std::size_t maxOutputBytes = 512ull << 20;  // standard output; larger output stops the child
};

// A child that exits with this code is reported as SandboxStatus::OutOfMemory: the convention
// for a program that caught its own allocation failure.
constexpr int kOutOfMemoryExitCode = 101;

enum class SandboxStatus {
  Exited,          // the child exited by itself; see exitCode
  Crashed,         // killed by a signal it raised or received (see signal), or a sanitizer report
  TimedOut,        // still running at maxWallSeconds; killed
  CpuLimit,        // used maxCpuSeconds of processor time; killed by the kernel
  OutOfMemory,     // allocation failed under maxMemoryBytes, or the kernel's OOM killer struck
  OutputTooLarge,  // wrote more than maxOutputBytes; killed
};

struct SandboxResult {
  SandboxStatus status = SandboxStatus::Exited;
  int exitCode = 0;        // Exited: the exit status
  int signal = 0;          // Crashed: the signal, 0 when a sanitizer reported an error
  std::string output;      // standard output (at most maxOutputBytes)
  std::string errors;      // the last 64 KiB of standard error
  double wallSeconds = 0;  // from start to exit
  double cpuSeconds = 0;   // user + system time of the child
  // Largest resident set of the child (ru_maxrss). Linux counts in it the memory the child
  // shared with the caller when it started, so it overstates a child of a large caller.
  std::uint64_t peakRssBytes = 0;

  // True when the child exited by itself with status 0.
  bool succeeded() const { return status == SandboxStatus::Exited && exitCode == 0; }
};

// Runs argv[0] (an absolute path; no PATH search) with the arguments argv[1..] in a new process
// group, writes `input` to its standard input and collects its standard output and error.
// The child gets no file descriptor of the caller beyond the three standard ones, an
// environment reduced to PATH, LANG, LC_* and the sanitizer options plus `environment`
// ("NAME=value" entries), no core dumps, no file writes, and `limits`. Any way the child ends
// is a SandboxResult; the call waits at most about limits.maxWallSeconds.
// Throws Poco::SystemException only when the child cannot be started at all (no such program,
// no processes or descriptors left). Safe to call from several threads at once.
// REQUIRES: !argv.empty().
SandboxResult runSandboxed(const std::vector<std::string>& argv, std::string_view input,
                           const SandboxLimits& limits,
                           const std::vector<std::string>& environment = {});

// "crashed (signal 11, Segmentation fault)", "timed out after 5 s", "exited with code 3", ...
// For logs and test output; user-facing messages are written by the callers.
std::string describe(const SandboxResult& result, const SandboxLimits& limits);

}  // namespace mkrp::extract
