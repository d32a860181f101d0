// mkrp roster check FILE --kind le|psap [--renewal-since DATE] [--format text|json]: the training
// roster of an agency checked against the MKRP training criteria, dated today.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/commands.h"
#include "check/roster/roster.h"

namespace mkrp::app {
namespace {

namespace roster = check::roster;

constexpr const char* kUsage =
    "usage: mkrp roster check FILE --kind le|psap [--renewal-since YYYY-MM-DD]\n"
    "                         [--format text|json]\n";

// A roster is a small spreadsheet; anything far larger is not one.
constexpr std::uintmax_t kMaxRosterBytes = 16u << 20;

struct RosterOptions {
  std::string file;
  std::string kind;
  std::string renewalSince;
  std::string format = "text";
};

int usage(const std::string& problem) {
  std::cerr << "mkrp roster: " << problem << '\n' << kUsage;
  return kExitUsage;
}

// Returns the exit code of a usage error, or 0 when the arguments make sense.
int parse(const Arguments& args, RosterOptions& options) {
  if (args.empty() || args[0] != "check") return usage("the only roster command is 'check'");
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (optionValue(args, i, "--kind", options.kind) ||
        optionValue(args, i, "--renewal-since", options.renewalSince) ||
        optionValue(args, i, "--format", options.format)) {
      continue;
    }
    if (arg.empty() || arg[0] == '-' || !options.file.empty()) {
      return usage("unexpected argument '" + arg + "'");
    }
    options.file = arg;
  }
  if (options.file.empty()) return usage("name the roster file, e.g. mkrp roster check roster.csv");
  if (options.kind != "le" && options.kind != "psap") {
    return usage(options.kind.empty()
                     ? "say which kind of agency the roster is for: --kind le (law enforcement) "
                       "or --kind psap (9-1-1 center)"
                     : "--kind must be le or psap, not '" + options.kind + "'");
  }
  if (!options.renewalSince.empty() && !roster::parseDate(options.renewalSince)) {
    return usage("--renewal-since must be the date membership began, as YYYY-MM-DD");
  }
  if (options.format != "text" && options.format != "json") {
    return usage("--format must be text or json, not '" + options.format + "'");
  }
  return kExitOk;
}

// The file's bytes, or nullopt after saying on stderr why it cannot be read.
std::optional<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "mkrp roster: cannot open " << path
              << ": check the name and that you may read it\n";
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxRosterBytes) {
      std::cerr << "mkrp roster: " << path
                << " is larger than 16 MB, far more than a roster: check it is the right file\n";
      return std::nullopt;
    }
  }
  return bytes;
}

roster::Date today() {
  return roster::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

int reportProblems(const RosterOptions& options,
                   const std::vector<roster::RosterProblem>& problems) {
  if (options.format == "json") {
    std::cout << roster::problemsToJson(problems) << '\n';
  }
  for (const roster::RosterProblem& problem : problems) {
    std::cerr << options.file << ": " << problem.toString() << '\n';
  }
  std::cerr << "mkrp roster: nothing was checked; correct the rows above and run the check again\n";
  return kExitUnreadable;
}

}  // namespace

int runRoster(const Arguments& args) {
  RosterOptions options;
  if (const int code = parse(args, options); code != kExitOk) return code;
  const std::optional<std::string> bytes = readFile(options.file);
  if (!bytes) return kExitUnreadable;
  roster::CheckOptions check;
  check.kind = core::agencyKindFromString(options.kind);
  check.today = today();
  if (!options.renewalSince.empty()) check.renewalSince = roster::parseDate(options.renewalSince);
  check.file = options.file;
  const roster::ParseResult parsed = roster::parseRoster(*bytes, check.kind, check.today);
  if (!parsed.ok()) return reportProblems(options, parsed.problems);
  const roster::RosterCheck result = roster::checkRoster(parsed.roster, check);
  std::cout << (options.format == "json" ? roster::toJson(result, check) + '\n'
                                         : roster::toText(result, check));
  return kExitOk;
}

}  // namespace mkrp::app
