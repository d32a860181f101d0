#include "extract/sandbox.h"

#include <Poco/Logger.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <new>
#include <typeinfo>

#include "core/errors.h"
#include "extract/extract.h"
#include "extract/sandbox_testing.h"
#include "extract/sandbox_wire.h"

namespace mkrp::extract {
namespace {

// Exit codes of the child besides 0 (the Document is on standard output) and
// kOutOfMemoryExitCode: the file was refused (the reason is on standard output), or the child
// was started wrongly.
constexpr int kRefusedExitCode = 3;
constexpr int kUsageExitCode = 4;

constexpr std::string_view kPositionsArgument = "--positions";
constexpr std::string_view kResaveAdvice =
    " Open it and save it again as PDF or DOCX, then submit it again.";

// Every field of Limits, by the name it has on the child's command line. Passing them by name
// keeps a child's command readable: `mkrp __extract-child max-pages=10 < file.pdf`.
template <typename LimitsT, typename Visit>
void forEachLimit(LimitsT& limits, Visit visit) {
  // A new field of Limits changes this size: pass it to the child below, then update the size.
  static_assert(sizeof(Limits) == 64, "pass every field of Limits to the sandboxed child");
  visit("max-file-bytes", limits.maxFileBytes);
  visit("max-zip-entries", limits.maxZipEntries);
  visit("max-uncompressed-bytes", limits.maxUncompressedBytes);
  visit("max-compression-ratio", limits.maxCompressionRatio);
  visit("max-xml-depth", limits.maxXmlDepth);
  visit("max-pages", limits.maxPages);
  visit("max-pdf-objects", limits.maxPdfObjects);
  visit("max-content-stream-bytes", limits.maxContentStreamBytes);
  visit("max-nesting-depth", limits.maxNestingDepth);
  visit("max-seconds", limits.maxSeconds);
}

std::vector<std::string> childArguments(const Limits& limits, const SandboxOptions& options) {
  std::vector<std::string> args = {options.executable, std::string(kExtractChildCommand)};
  if (options.withPositions) args.emplace_back(kPositionsArgument);
  forEachLimit(limits, [&](std::string_view name, const auto& value) {
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    args.push_back(std::string(name) + '=' + std::string(buffer, end));
  });
  return args;
}

struct ChildRequest {
  Limits limits;
  bool withPositions = false;
};

// Returns false when `arg` is not "name=value" for a known limit with a valid value.
bool parseLimit(std::string_view arg, Limits& limits) {
  bool parsed = false;
  forEachLimit(limits, [&](std::string_view name, auto& value) {
    if (arg.size() <= name.size() || arg.substr(0, name.size()) != name ||
        arg[name.size()] != '=') {
      return;
    }
    const std::string_view text = arg.substr(name.size() + 1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    parsed = error == std::errc() && end == text.data() + text.size();
  });
  return parsed;
}

// Throws Poco::InvalidArgumentException naming the argument it does not understand.
ChildRequest parseChildArguments(const std::vector<std::string>& args) {
  ChildRequest request;
  for (const std::string& arg : args) {
    if (arg == kPositionsArgument) {
      request.withPositions = true;
    } else if (!parseLimit(arg, request.limits)) {
      throw Poco::InvalidArgumentException("unknown argument '" + arg + "'");
    }
  }
  return request;
}

std::string readAll(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Poco::IOException("cannot read the file from standard input");
    if (got == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
}

// Returns false when the parent no longer listens.
bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t done = ::write(fd, bytes.data(), bytes.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(done));
  }
  return true;
}

// The name under which a refusal crosses the process boundary; "failed" for anything that is
// not one of the core classes a reader is meant to throw.
std::string_view refusalType(const Poco::Exception& error) {
  if (dynamic_cast<const core::UnsupportedFormatException*>(&error)) return "unsupported";
  if (dynamic_cast<const core::MalformedDocumentException*>(&error)) return "malformed";
  if (dynamic_cast<const core::LimitExceededException*>(&error)) return "limit";
  if (dynamic_cast<const core::EncryptedDocumentException*>(&error)) return "encrypted";
  return "failed";
}

[[noreturn]] void throwRefusal(std::string_view type, const std::string& message) {
  if (type == "unsupported") throw core::UnsupportedFormatException(message);
  if (type == "malformed") throw core::MalformedDocumentException(message);
  if (type == "limit") throw core::LimitExceededException(message);
  if (type == "encrypted") throw core::EncryptedDocumentException(message);
  throw core::ExtractionFailedException(message);
}

// A reader that throws something else than the core classes has a bug; the person still gets
// a message they can act on, and the detail goes to standard error for the log.
std::string unexpectedFailure(std::string_view detail) {
  writeAll(2, "reader failed: " + std::string(detail) + '\n');
  return "the file could not be read; it may be damaged." + std::string(kResaveAdvice);
}

// Returns the child's exit code after writing its answer to standard output.
int answer(const ChildRequest& request, std::string_view bytes, const ReaderFunction& read) {
  std::string reply;
  int code = 0;
  try {
    reply = detail::encodeDocument(read(bytes, request.limits), request.withPositions);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const Poco::Exception& error) {
    const std::string_view type = refusalType(error);
    const std::string message =
        type == "failed" ? unexpectedFailure(error.displayText()) : error.message();
    reply = detail::encodeRefusal({std::string(type), message});
    code = kRefusedExitCode;
  } catch (const std::exception& error) {
    reply = detail::encodeRefusal({"failed", unexpectedFailure(error.what())});
    code = kRefusedExitCode;
  }
  return writeAll(1, reply) ? code : kUsageExitCode;
}

std::string limitMessage(const SandboxResult& result, const SandboxLimits& limits) {
  constexpr std::string_view kComplex =
      "; the file may be damaged or unusually complex. Save it again as PDF or DOCX, or split "
      "it into smaller files, then submit it again.";
  switch (result.status) {
    case SandboxStatus::TimedOut:
      return "reading the file took longer than " +
             std::to_string(std::lround(limits.maxWallSeconds)) + " s and was stopped" +
             std::string(kComplex);
    case SandboxStatus::CpuLimit:
      return "reading the file needed more than " +
             std::to_string(std::lround(std::ceil(limits.maxCpuSeconds))) +
             " s of processor time and was stopped" + std::string(kComplex);
    case SandboxStatus::OutOfMemory:
      return "reading the file needed more than " + std::to_string(limits.maxMemoryBytes >> 20) +
             " MiB of memory and was stopped" + std::string(kComplex);
    case SandboxStatus::OutputTooLarge:
      return "reading the file produced more than " + std::to_string(limits.maxOutputBytes >> 20) +
             " MiB of text and was stopped. Split the directive into smaller files, then submit "
             "them again.";
    default:
      return {};
  }
}

// The message for a child that did not answer: it crashed, was stopped, or exited oddly.
std::string failureMessage(const SandboxResult& result, const SandboxLimits& limits) {
  if (std::string message = limitMessage(result, limits); !message.empty()) return message;
  std::string what;
  if (result.status == SandboxStatus::Crashed) {
    what = result.signal ? "crashed the reader (signal " + std::to_string(result.signal) + ")"
                         : "crashed the reader (memory error)";
  } else {
    what = "stopped the reader unexpectedly (exit code " + std::to_string(result.exitCode) + ")";
  }
  return "reading the file " + what + "; the file may be damaged." + std::string(kResaveAdvice);
}

[[noreturn]] void throwUnderstood() {
  throw core::ExtractionFailedException("the reader gave an answer that could not be understood." +
                                        std::string(kResaveAdvice));
}

[[noreturn]] void throwFromRefusal(std::string_view answer) {
  detail::Refusal refusal;
  try {
    refusal = detail::decodeRefusal(answer);
  } catch (const Poco::DataFormatException&) {
    throwUnderstood();
  }
  throwRefusal(refusal.type, refusal.message);
}

core::Document documentFrom(std::string_view answer) {
  try {
    return detail::decodeDocument(answer);
  } catch (const Poco::DataFormatException&) {
    throwUnderstood();
  }
}

void logFailure(Poco::Logger* logger, const SandboxResult& result, const SandboxLimits& limits) {
  if (!logger) return;
  logger->warning("extraction child " + describe(result, limits) + "; its standard error: " +
                  (result.errors.empty() ? std::string("(empty)") : result.errors));
}

int serve(const std::vector<std::string>& args, const ReaderFunction& read) {
  try {
    const ChildRequest request = parseChildArguments(args);
    return answer(request, readAll(0), read);
  } catch (const std::bad_alloc&) {
    writeAll(2, "out of memory\n");
    ::_exit(kOutOfMemoryExitCode);  // no unwinding or flushing: that could need memory again
  } catch (const Poco::Exception& error) {
    writeAll(2, std::string(kExtractChildCommand) + ": " + error.displayText() + '\n');
    return kUsageExitCode;
  }
}

}  // namespace

core::Document extractInSandbox(std::string_view bytes, const Limits& limits,
                                const SandboxOptions& options) {
  const SandboxResult result = runSandboxed(childArguments(limits, options), bytes, options.limits);
  if (result.succeeded()) return documentFrom(result.output);
  if (result.status == SandboxStatus::Exited && result.exitCode == kRefusedExitCode) {
    if (!result.errors.empty()) logFailure(options.logger, result, options.limits);
    throwFromRefusal(result.output);
  }
  logFailure(options.logger, result, options.limits);
  throw core::ExtractionFailedException(failureMessage(result, options.limits));
}

int runExtractChildForTest(const std::vector<std::string>& args, const ReaderFunction& read) {
  return serve(args, read);
}

int runExtractChild(const std::vector<std::string>& args) {
  return serve(args, [](std::string_view bytes, const Limits& limits) {
    return extractBytes(bytes, limits);
  });
}

}  // namespace mkrp::extract
