// mkrp extract FILE [--format text|json] [--positions]
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/commands.h"
#include "core/document.h"
#include "core/document_json.h"
#include "core/errors.h"
#include "extract/extract.h"

namespace mkrp::app {
namespace {

struct ExtractOptions {
  std::string file;
  std::string format = "text";
  bool positions = false;
};

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

}  // namespace

int runExtract(const Arguments& args) {
  ExtractOptions options;
  if (!parse(args, options)) return kExitUsage;
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::cerr << "mkrp extract: cannot open '" << options.file << "': check the path and that you "
              << "may read it\n";
    return kExitUnreadable;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    const core::Document document = extract::extractBytes(bytes);
    if (options.format == "json") {
      std::cout << core::toJson(document, options.positions) << '\n';
    } else {
      std::cout << core::plainText(document);
    }
    return kExitOk;
  } catch (const Poco::Exception& error) {
    std::cerr << "mkrp extract: " << options.file << ": " << error.message() << '\n';
    return kExitUnreadable;
  }
}

}  // namespace mkrp::app
