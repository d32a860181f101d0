#include "extract/sandbox_process.h"

#include <Poco/Exception.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <system_error>
#include <utility>

extern char** environ;

namespace mkrp::extract {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kErrorTailBytes = 64 << 10;
constexpr std::size_t kChunkBytes = 64 << 10;
constexpr rlim_t kChildOpenFiles = 64;
// Polling interval for the child's exit when the kernel offers no pidfd.
constexpr int kReapPollMs = 20;

#ifdef MKRP_SANITIZED
// AddressSanitizer reserves terabytes of address space, so RLIMIT_AS cannot bound a sanitized
// child; its own RSS limit does instead. Its reports end the child with kSanitizerExitCode.
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
constexpr int kSanitizerExitCode = 102;
// How a sanitizer says that the memory limit above was reached.
constexpr std::string_view kSanitizerMemoryReports[] = {"rss limit exhausted", "RSS limit exceeded",
                                                        "out of memory", "allocation-size-too-big",
                                                        "exceeds maximum supported size"};

[[noreturn]] void throwSystemError(const std::string& what, int error) {
  throw Poco::SystemException(what + ": " + std::generic_category().message(error));
}

// A file descriptor that closes itself.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  bool isOpen() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// The two ends of a pipe or socket pair: `child` is handed to the child, `parent` is kept.
struct Channel {
  UniqueFd child;
  UniqueFd parent;
};

// A descriptor numbered 3 or above, so that placing the child's ends on 0, 1 and 2 can never
// overwrite one of them (the caller may run with a standard stream closed).
UniqueFd aboveStandard(UniqueFd fd) {
  if (fd.get() > 2) return fd;
  const int moved = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3);
  if (moved < 0) throwSystemError("cannot move a descriptor", errno);
  return UniqueFd(moved);
}

// Every descriptor is close-on-exec from birth, so a child started by another thread at the
// same moment never inherits ours.
Channel makeOutputChannel() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throwSystemError("cannot create a pipe", errno);
  Channel channel{UniqueFd(fds[1]), UniqueFd(fds[0])};
  ::fcntl(channel.parent.get(), F_SETFL, O_NONBLOCK);
  channel.child = aboveStandard(std::move(channel.child));
  return channel;
}

// Standard input is a socket, not a pipe: send(MSG_NOSIGNAL) to a child that stopped reading
// fails with EPIPE instead of raising SIGPIPE in the caller.
Channel makeInputChannel() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    throwSystemError("cannot create a socket pair", errno);
  }
  Channel channel{UniqueFd(fds[0]), UniqueFd(fds[1])};
  ::shutdown(channel.child.get(), SHUT_WR);
  channel.child = aboveStandard(std::move(channel.child));
  return channel;
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "ASAN_OPTIONS=a=1" plus ":b=2", or "ASAN_OPTIONS=b=2" when the caller had none.
std::string withOptions(std::string_view name, std::string_view options) {
  const char* current = ::getenv(std::string(name).c_str());
  std::string entry = std::string(name) + '=';
  if (current && *current) entry += std::string(current) + ':';
  return entry + std::string(options);
}

// Leak checking is off in the child: a leak in a process about to exit costs the caller nothing,
// and its report would replace the child's exit status (PoDoFo 0.9.8 leaks a few bytes on some
// encrypted files). The readers' in-process tests look for leaks.
std::vector<std::string> sanitizerEnvironment(const SandboxLimits& limits) {
  const std::string exit = "exitcode=" + std::to_string(kSanitizerExitCode);
  std::string asan = exit + ":disable_coredump=1:detect_leaks=0";
  if (limits.maxMemoryBytes > 0) {
    const std::string mib = std::to_string(std::max<std::uint64_t>(1, limits.maxMemoryBytes >> 20));
    asan += ":hard_rss_limit_mb=" + mib + ":max_allocation_size_mb=" + mib +
            ":allocator_may_return_null=1";
  }
  return {withOptions("ASAN_OPTIONS", asan), withOptions("UBSAN_OPTIONS", exit),
          withOptions("LSAN_OPTIONS", exit + ":detect_leaks=0")};
}

std::vector<std::string> childEnvironment(const SandboxLimits& limits,
                                          const std::vector<std::string>& extra) {
  static constexpr std::string_view kKept[] = {"PATH=", "LANG=", "LC_", "TZ="};
  static constexpr std::string_view kSanitizerOptions[] = {
      "ASAN_OPTIONS=", "UBSAN_OPTIONS=", "LSAN_OPTIONS="};
  std::vector<std::string> entries;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string_view text = *entry;
    const auto has = [&](std::string_view prefix) { return startsWith(text, prefix); };
    const bool sanitizer =
        std::any_of(std::begin(kSanitizerOptions), std::end(kSanitizerOptions), has);
    if (std::any_of(std::begin(kKept), std::end(kKept), has) || (sanitizer && !kSanitized)) {
      entries.emplace_back(text);
    }
  }
  if (kSanitized) {
    for (std::string& entry : sanitizerEnvironment(limits)) entries.push_back(std::move(entry));
  }
  entries.insert(entries.end(), extra.begin(), extra.end());
  return entries;
}

using ResourceLimits = std::vector<std::pair<__rlimit_resource_t, rlimit>>;

ResourceLimits childResourceLimits(const SandboxLimits& limits) {
  ResourceLimits result = {
      {RLIMIT_CORE, {0, 0}},
      {RLIMIT_FSIZE, {0, 0}},
      {RLIMIT_NOFILE, {kChildOpenFiles, kChildOpenFiles}},
  };
  if (limits.maxCpuSeconds > 0) {
    const auto seconds = static_cast<rlim_t>(std::ceil(limits.maxCpuSeconds));
    // SIGXCPU at the soft limit; SIGKILL a second later if the child ignores it.
    result.push_back({RLIMIT_CPU, {seconds, seconds + 1}});
  }
  if (limits.maxMemoryBytes > 0 && !kSanitized) {
    result.push_back({RLIMIT_AS, {limits.maxMemoryBytes, limits.maxMemoryBytes}});
  }
  return result;
}

// Everything the child needs between fork and exec, prepared beforehand: in a process with
// other threads only async-signal-safe calls may run there (no allocation, no locks).
struct ChildPlan {
  std::vector<std::string> arguments;
  std::vector<std::string> environment;
  std::vector<char*> argv;
  std::vector<char*> envp;
  ResourceLimits resourceLimits;
  int highestFd = 1024;
  pid_t parent = 0;
};

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

ChildPlan makePlan(const std::vector<std::string>& argv, const SandboxLimits& limits,
                   const std::vector<std::string>& environment) {
  ChildPlan plan;
  plan.arguments = argv;
  plan.environment = childEnvironment(limits, environment);
  plan.argv = pointersTo(plan.arguments);
  plan.envp = pointersTo(plan.environment);
  plan.resourceLimits = childResourceLimits(limits);
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
    plan.highestFd = static_cast<int>(std::min<rlim_t>(files.rlim_cur, 1 << 20));
  }
  plan.parent = ::getpid();
  return plan;
}

// In the child: tells the parent why exec failed, then ends.
[[noreturn]] void failInChild(int report) {
  const int error = errno;
  [[maybe_unused]] const ssize_t written = ::write(report, &error, sizeof error);
  ::_exit(127);
}

// In the child: every descriptor above 2 closes at exec (`report` must survive until then).
void closeInheritedAtExec(const ChildPlan& plan, int report) {
  if (::close_range(3, ~0u, CLOSE_RANGE_CLOEXEC) == 0) return;
  for (int fd = 3; fd < plan.highestFd; ++fd) {
    if (fd != report) ::close(fd);
  }
}

// In the child: the caller may block or ignore signals (a server ignores SIGPIPE); an ignored
// signal would stay ignored across exec.
void resetSignals() {
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction byDefault {};
  byDefault.sa_handler = SIG_DFL;
  for (int signal = 1; signal < NSIG; ++signal) {
    if (signal != SIGKILL && signal != SIGSTOP) ::sigaction(signal, &byDefault, nullptr);
  }
}

[[noreturn]] void becomeChild(const ChildPlan& plan, int in, int out, int err, int report) {
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != plan.parent) ::_exit(127);  // the parent is already gone
  ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) failInChild(report);
  closeInheritedAtExec(plan, report);
  resetSignals();
  for (const auto& [resource, value] : plan.resourceLimits) {
    if (::setrlimit(resource, &value) != 0) failInChild(report);
  }
  ::execve(plan.argv[0], plan.argv.data(), plan.envp.data());
  failInChild(report);
}

// A started child, killed and reaped on every path out of runSandboxed.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {
    ::setpgid(pid_, pid_);  // also done by the child; whichever runs first wins
    pidfd_.reset(static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0)));
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (!reaped_) killAndReap();
  }

  int pidfd() const { return pidfd_.get(); }
  bool reaped() const { return reaped_; }
  int status() const { return status_; }
  const rusage& usage() const { return usage_; }

  // True once the child has ended; never blocks.
  bool tryReap() {
    if (!reaped_) wait(WNOHANG);
    return reaped_;
  }

  // Kills the child's whole process group, then waits for the child.
  void killAndReap() {
    if (reaped_) return;
    ::kill(-pid_, SIGKILL);  // the group cannot be reused before the child is reaped
    ::kill(pid_, SIGKILL);
    wait(0);
  }

 private:
  void wait(int options) {
    pid_t done;
    do {
      done = ::wait4(pid_, &status_, options, &usage_);
    } while (done < 0 && errno == EINTR);
    if (done == pid_ || (done < 0 && errno == ECHILD)) reaped_ = true;
  }

  pid_t pid_;
  UniqueFd pidfd_;
  bool reaped_ = false;
  int status_ = 0;
  rusage usage_{};
};

// Returns the errno of a failed exec, or 0 once exec succeeded (the report pipe closed).
int execError(const UniqueFd& report) {
  int error = 0;
  ssize_t got;
  do {
    got = ::read(report.get(), &error, sizeof error);
  } while (got < 0 && errno == EINTR);
  return got == static_cast<ssize_t>(sizeof error) ? error : 0;
}

// The parent's side of the child's three standard streams.
class Streams {
 public:
  enum class Stop { No, OutputTooLarge };

  Streams(UniqueFd inputFd, std::string_view pending, UniqueFd outputFd, UniqueFd errorsFd,
          std::size_t maxOutput)
      : inputFd_(std::move(inputFd)),
        pending_(pending),
        outputFd_(std::move(outputFd)),
        errorsFd_(std::move(errorsFd)),
        maxOutput_(maxOutput) {
    if (pending_.empty()) inputFd_.reset();
  }

  bool open() const { return inputFd_.isOpen() || outputFd_.isOpen() || errorsFd_.isOpen(); }

  // Waits up to `timeoutMs` for any stream (or `pidfd`, when >= 0) to be ready, then moves data.
  Stop exchange(int timeoutMs, int pidfd) {
    pollfd fds[4] = {{inputFd_.get(), POLLOUT, 0},
                     {outputFd_.get(), POLLIN, 0},
                     {errorsFd_.get(), POLLIN, 0},
                     {pidfd, POLLIN, 0}};
    if (::poll(fds, 4, timeoutMs) < 0 && errno != EINTR) throwSystemError("poll failed", errno);
    if (fds[0].revents) writeInput();
    return drain();
  }

  // Reads whatever the streams hold right now, without waiting.
  Stop drain() {
    if (!readInto(outputFd_, output_, maxOutput_)) return Stop::OutputTooLarge;
    readInto(errorsFd_, errors_, SIZE_MAX);
    return Stop::No;
  }

  std::string takeOutput() { return std::move(output_); }
  std::string takeErrors() { return std::move(errors_); }

 private:
  void writeInput() {
    while (inputFd_.isOpen() && !pending_.empty()) {
      const ssize_t sent =
          ::send(inputFd_.get(), pending_.data(), std::min(pending_.size(), kChunkBytes),
                 MSG_NOSIGNAL | MSG_DONTWAIT);
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (sent < 0) pending_ = {};  // the child stopped reading: no more input for it
      if (sent > 0) pending_.remove_prefix(static_cast<std::size_t>(sent));
    }
    inputFd_.reset();  // all sent: the child sees end of file
  }

  // Appends what `fd` holds to `into`, closing `fd` at end of file. Returns false, having
  // appended only up to `limit` bytes in all, when there is more than that.
  bool readInto(UniqueFd& fd, std::string& into, std::size_t limit) {
    char buffer[kChunkBytes];
    while (fd.isOpen()) {
      const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      if (got <= 0) {
        fd.reset();
        return true;
      }
      const auto size = static_cast<std::size_t>(got);
      if (into.size() + size > limit) {
        into.append(buffer, limit - into.size());
        return false;
      }
      into.append(buffer, size);
      if (&into == &errors_ && into.size() > kErrorTailBytes) {
        into.erase(0, into.size() - kErrorTailBytes);
      }
    }
    return true;
  }

  UniqueFd inputFd_;
  std::string_view pending_;
  UniqueFd outputFd_;
  UniqueFd errorsFd_;
  std::size_t maxOutput_;
  std::string output_;
  std::string errors_;  // only the last kErrorTailBytes are kept
};

// Sleeps until the child ends or `timeoutMs` passes.
void waitForExit(const Child& child, int timeoutMs) {
  pollfd exited{child.pidfd(), POLLIN, 0};
  ::poll(&exited, child.pidfd() >= 0 ? 1 : 0, timeoutMs);
}

double seconds(const timeval& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

bool reportsMemoryExhaustion(std::string_view errors) {
  return std::any_of(
      std::begin(kSanitizerMemoryReports), std::end(kSanitizerMemoryReports),
      [&](std::string_view marker) { return errors.find(marker) != std::string_view::npos; });
}

// Fills status, exitCode and signal from how the child ended, when we did not stop it ourselves.
void classify(SandboxResult& result, int status, const SandboxLimits& limits) {
  if (WIFEXITED(status)) {
    result.exitCode = WEXITSTATUS(status);
    if (result.exitCode == kOutOfMemoryExitCode) {
      result.status = SandboxStatus::OutOfMemory;
    } else if (kSanitized && result.exitCode == kSanitizerExitCode) {
      result.status = reportsMemoryExhaustion(result.errors) ? SandboxStatus::OutOfMemory
                                                             : SandboxStatus::Crashed;
    }
    return;
  }
  result.signal = WTERMSIG(status);
  const bool cpuSpent = limits.maxCpuSeconds > 0 && result.cpuSeconds >= limits.maxCpuSeconds;
  if (result.signal == SIGXCPU || (result.signal == SIGKILL && cpuSpent)) {
    result.status = SandboxStatus::CpuLimit;
  } else if (result.signal == SIGKILL) {
    // We did not send it and the CPU limit was not reached: the kernel's OOM killer.
    result.status = SandboxStatus::OutOfMemory;
  } else {
    result.status = SandboxStatus::Crashed;
  }
}

// How supervising a child ended.
enum class Ending { ByItself, TimedOut, OutputTooLarge };

// Moves the child's input and output until it ends, its time is up or its output too large.
Ending supervise(Child& child, Streams& streams, const SandboxLimits& limits,
                 Clock::time_point start) {
  const bool hasDeadline = limits.maxWallSeconds > 0;
  const Clock::time_point deadline =
      start + std::chrono::duration_cast<Clock::duration>(
                  std::chrono::duration<double>(hasDeadline ? limits.maxWallSeconds : 0));
  while (!child.reaped()) {
    int timeoutMs = -1;
    if (hasDeadline) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return Ending::TimedOut;
      timeoutMs = static_cast<int>(std::min<long long>(left.count(), INT32_MAX));
    }
    if (child.pidfd() < 0) {
      timeoutMs = timeoutMs < 0 ? kReapPollMs : std::min(timeoutMs, kReapPollMs);
    }
    if (!streams.open()) {
      waitForExit(child, timeoutMs);
    } else if (streams.exchange(timeoutMs, child.pidfd()) == Streams::Stop::OutputTooLarge) {
      return Ending::OutputTooLarge;
    }
    child.tryReap();
  }
  // A descendant may still hold the streams open: take what is there, without waiting.
  return streams.drain() == Streams::Stop::OutputTooLarge ? Ending::OutputTooLarge
                                                          : Ending::ByItself;
}

std::string formatSeconds(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  std::string text = std::to_string(std::round(value * 10) / 10);
  return text.substr(0, text.find('.') + 2);
}

}  // namespace

SandboxResult runSandboxed(const std::vector<std::string>& argv, std::string_view input,
                           const SandboxLimits& limits,
                           const std::vector<std::string>& environment) {
  const ChildPlan plan = makePlan(argv, limits, environment);
  Channel in = makeInputChannel();
  Channel out = makeOutputChannel();
  Channel err = makeOutputChannel();
  Channel report = makeOutputChannel();
  ::fcntl(report.parent.get(), F_SETFL, 0);  // read it blocking

  const Clock::time_point start = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throwSystemError("cannot start " + argv[0], errno);
  if (pid == 0) {
    becomeChild(plan, in.child.get(), out.child.get(), err.child.get(), report.child.get());
  }
  Child child(pid);
  in.child.reset();
  out.child.reset();
  err.child.reset();
  report.child.reset();
  if (const int error = execError(report.parent)) {
    child.killAndReap();
    throwSystemError("cannot start " + argv[0], error);
  }

  Streams streams(std::move(in.parent), input, std::move(out.parent), std::move(err.parent),
                  limits.maxOutputBytes > 0 ? limits.maxOutputBytes : SIZE_MAX);
  const Ending ending = supervise(child, streams, limits, start);
  if (ending != Ending::ByItself) child.killAndReap();

  SandboxResult result;
  result.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.cpuSeconds = seconds(child.usage().ru_utime) + seconds(child.usage().ru_stime);
  result.peakRssBytes = static_cast<std::uint64_t>(child.usage().ru_maxrss) * 1024;
  result.output = streams.takeOutput();
  result.errors = streams.takeErrors();
  if (ending == Ending::TimedOut) {
    result.status = SandboxStatus::TimedOut;
  } else if (ending == Ending::OutputTooLarge) {
    result.status = SandboxStatus::OutputTooLarge;
  } else {
    classify(result, child.status(), limits);
  }
  return result;
}

std::string describe(const SandboxResult& result, const SandboxLimits& limits) {
  switch (result.status) {
    case SandboxStatus::Exited:
      return result.exitCode == 0 ? "exited normally"
                                  : "exited with code " + std::to_string(result.exitCode);
    case SandboxStatus::Crashed:
      if (result.signal == 0) return "stopped by a sanitizer report";
      return "crashed (signal " + std::to_string(result.signal) + ", " +
             (::sigdescr_np(result.signal) ? ::sigdescr_np(result.signal) : "unknown") + ")";
    case SandboxStatus::TimedOut:
      return "timed out after " + formatSeconds(limits.maxWallSeconds) + " s";
    case SandboxStatus::CpuLimit:
      return "used more than " + formatSeconds(std::ceil(limits.maxCpuSeconds)) +
             " s of processor time";
    case SandboxStatus::OutOfMemory:
      return "ran out of memory (limit " + std::to_string(limits.maxMemoryBytes >> 20) + " MiB)";
    case SandboxStatus::OutputTooLarge:
      return "wrote more than " + std::to_string(limits.maxOutputBytes >> 20) + " MiB of output";
  }
  return "ended";
}

}  // namespace mkrp::extract
