// mkrp extract FILE [--format text|json] [--positions] [--in-process] [limits]
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "app/commands.h"
#include "core/document.h"
#include "core/document_json.h"
#include "core/errors.h"
#include "extract/extract.h"
#include "extract/sandbox.h"

namespace mkrp::app {
namespace {

struct ExtractOptions {
  std::string file;
  std::string format = "text";
  bool positions = false;
  bool inProcess = false;  // for debugging and measuring: no child, no memory or time limits
  extract::Limits limits;
  extract::SandboxOptions sandbox;
};

// Reads a whole positive number from `text` into `value`; false when it is not one.
template <typename Number>
bool parsePositive(std::string_view text, Number& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0;
}

// Applies a limit option such as "--max-file-mb" with its value. False when it is not one or
// the value is not a positive whole number.
bool parseLimitOption(std::string_view name, std::string_view value, ExtractOptions& options) {
  std::uint64_t number = 0;
  if (!parsePositive(value, number)) return false;
  if (name == "--max-file-mb") {
    options.limits.maxFileBytes = number << 20;
  } else if (name == "--max-memory-mb") {
    options.sandbox.limits.maxMemoryBytes = number << 20;
  } else if (name == "--timeout") {
    options.sandbox.limits.maxWallSeconds = static_cast<double>(number);
    options.sandbox.limits.maxCpuSeconds = static_cast<double>(number);
    options.limits.maxSeconds = std::min(options.limits.maxSeconds, static_cast<double>(number));
  } else {
    return false;
  }
  return true;
}

bool isLimitOption(std::string_view arg) {
  return arg == "--max-file-mb" || arg == "--max-memory-mb" || arg == "--timeout";
}

// Returns false (after printing why) when the arguments do not make sense.
bool parse(const Arguments& args, ExtractOptions& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--format" && i + 1 < args.size()) {
      options.format = args[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      options.format = arg.substr(9);
    } else if (arg == "--positions") {
      options.positions = true;
    } else if (arg == "--in-process") {
      options.inProcess = true;
    } else if (isLimitOption(arg) && i + 1 < args.size()) {
      if (!parseLimitOption(arg, args[++i], options)) {
        std::cerr << "mkrp extract: " << arg << " needs a positive whole number, not '" << args[i]
                  << "'\n";
        return false;
      }
    } else if (!arg.empty() && arg[0] != '-' && options.file.empty()) {
      options.file = arg;
    } else {
      std::cerr << "mkrp extract: unexpected argument '" << arg << "'\n";
      return false;
    }
  }
  if (options.file.empty()) {
    std::cerr << "mkrp extract: name the file to read, e.g. mkrp extract directive.pdf\n";
    return false;
  }
  if (options.format != "text" && options.format != "json") {
    std::cerr << "mkrp extract: --format must be text or json, not '" << options.format << "'\n";
    return false;
  }
  return true;
}

// One line on standard error, so that scripts and people see exactly one reason.
int unreadable(const std::string& file, std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::cerr << "mkrp extract: " << file << ": " << message << '\n';
  return kExitUnreadable;
}

// Reads the file, refusing before reading when it is not a regular file or is too large.
// Returns false (having reported why) when it cannot be read.
bool readFile(const ExtractOptions& options, std::string& bytes) {
  std::error_code error;
  const auto status = std::filesystem::status(options.file, error);
  if (!std::filesystem::exists(status)) {
    unreadable(options.file, "there is no such file. Check the name and the folder.");
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    unreadable(options.file, "this is not a file (perhaps a folder). Name the file itself.");
    return false;
  }
  const std::uintmax_t size = std::filesystem::file_size(options.file, error);
  if (!error && size > options.limits.maxFileBytes) {
    unreadable(options.file, "the file is " + std::to_string(size >> 20) + " MiB, more than the " +
                                 std::to_string(options.limits.maxFileBytes >> 20) +
                                 " MiB allowed. Split the directive into smaller files, or "
                                 "remove scanned images.");
    return false;
  }
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    unreadable(options.file, "the file cannot be opened. Check that you may read it.");
    return false;
  }
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

core::Document extract(const std::string& bytes, ExtractOptions& options) {
  if (options.inProcess) return extract::extractBytes(bytes, options.limits);
  options.sandbox.withPositions = options.positions;
  return extract::extractInSandbox(bytes, options.limits, options.sandbox);
}

}  // namespace

int runExtract(const Arguments& args) {
  ExtractOptions options;
  if (!parse(args, options)) return kExitUsage;
  std::string bytes;
  if (!readFile(options, bytes)) return kExitUnreadable;
  try {
    const core::Document document = extract(bytes, options);
    if (options.format == "json") {
      std::cout << core::toJson(document, options.positions) << '\n';
    } else {
      std::cout << core::plainText(document);
    }
    return kExitOk;
  } catch (const Poco::SystemException& error) {
    return unreadable(options.file, "the reader could not be started (" + error.message() +
                                        "). Check that mkrp is installed completely.");
  } catch (const Poco::Exception& error) {
    return unreadable(options.file, error.message());
  }
}

}  // namespace mkrp::app
