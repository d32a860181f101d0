// mkrp extract FILE [--format text|json] [--positions] [--in-process] [limits]
#include <algorithm>
#include <charconv>
#include <iostream>

#include "app/commands.h"
#include "app/read_directive.h"
#include "core/document.h"
#include "core/document_json.h"
#include "extract/limits.h"
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

}  // namespace

int runExtract(const Arguments& args) {
  ExtractOptions options;
  if (!parse(args, options)) return kExitUsage;
  ReadOptions read{options.limits, options.sandbox, options.inProcess};
  read.sandbox.withPositions = options.positions;
  const ReadResult result = readDirective(options.file, read);
  if (!result.document) return unreadable(options.file, result.problem);
  if (options.format == "json") {
    std::cout << core::toJson(*result.document, options.positions) << '\n';
  } else {
    std::cout << core::plainText(*result.document);
  }
  return kExitOk;
}

}  // namespace mkrp::app
