// mkrp check FILE... --kind le|psap [--format text|json|html] [--out PATH] [--checklists DIR]:
// the pre-check of a submission (one or more files read together), as a service reviewer would
// see it, for an agency to run on its own draft.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "app/read_directive.h"
#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "render/report_html.h"
#include "render/report_json.h"
#include "render/report_text.h"

namespace mkrp::app {
namespace {

constexpr const char* kUsage =
    "usage: mkrp check FILE... --kind le|psap [--format text|json|html] [--out PATH]\n"
    "                  [--checklists DIR]\n";

struct CheckOptions {
  std::vector<std::string> files;
  std::string kind;
  std::string format = "text";
  std::string out;
  std::string checklists;
};

int usage(const std::string& problem) {
  std::cerr << "mkrp check: " << problem << '\n' << kUsage;
  return kExitUsage;
}

// Returns the exit code of a usage error, or 0 when the arguments make sense.
int parse(const Arguments& args, CheckOptions& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (optionValue(args, i, "--kind", options.kind) ||
        optionValue(args, i, "--format", options.format) ||
        optionValue(args, i, "--out", options.out) ||
        optionValue(args, i, "--checklists", options.checklists)) {
      continue;
    }
    if (arg.empty() || arg[0] == '-') return usage("unexpected argument '" + arg + "'");
    options.files.push_back(arg);
  }
  if (options.files.empty()) {
    return usage("name the directive files to check, e.g. mkrp check directive.pdf --kind le");
  }
  if (options.kind != "le" && options.kind != "psap") {
    return usage(options.kind.empty()
                     ? "say which kind of agency the directives are for: --kind le (law "
                       "enforcement) or --kind psap (9-1-1 center)"
                     : "--kind must be le or psap, not '" + options.kind + "'");
  }
  if (options.format != "text" && options.format != "json" && options.format != "html") {
    return usage("--format must be text, json or html, not '" + options.format + "'");
  }
  return kExitOk;
}

// Reads every file; on failure prints one line per unreadable file and returns false.
bool readAll(const CheckOptions& options, std::vector<core::SubmittedFile>& files) {
  bool ok = true;
  ReadOptions read;
  read.sandbox.withPositions = false;
  for (const std::string& path : options.files) {
    ReadResult result = readDirective(path, read);
    if (!result.document) {
      std::replace(result.problem.begin(), result.problem.end(), '\n', ' ');
      std::cerr << "mkrp check: " << path << ": " << result.problem << '\n';
      ok = false;
      continue;
    }
    files.push_back({std::filesystem::path(path).filename().string(), std::move(*result.document)});
  }
  return ok;
}

std::string render(const CheckOptions& options, const core::Report& report,
                   const core::ChecklistSet& checklists,
                   const std::vector<core::SubmittedFile>& files) {
  if (options.format == "json") return render::reportToJson(report, checklists) + '\n';
  if (options.format == "html") return render::reportToHtml(report, checklists, files);
  return render::reportToText(report, checklists, files);
}

}  // namespace

int runCheck(const Arguments& args) {
  CheckOptions options;
  if (const int code = parse(args, options); code != kExitOk) return code;
  const std::string directory = findChecklistDirectory(options.checklists);
  const check::LoadResult loaded = check::readChecklistDirectory(directory);
  if (!loaded.ok()) {
    for (const check::LoadProblem& problem : loaded.problems) {
      std::cerr << problem.toString() << '\n';
    }
    std::cerr << "mkrp check: the checklists in " << directory
              << " have mistakes; fix them (mkrp checklists validate) or name another folder "
                 "with --checklists\n";
    return kExitUnreadable;
  }
  std::vector<core::SubmittedFile> files;
  if (!readAll(options, files)) return kExitUnreadable;
  const core::AgencyKind kind = core::agencyKindFromString(options.kind);
  const core::Report report = check::Precheck(loaded.checklists).run(kind, files);
  const std::string output = render(options, report, loaded.checklists, files);
  if (options.out.empty()) {
    std::cout << output;
    return kExitOk;
  }
  std::ofstream out(options.out, std::ios::binary);
  out << output;
  out.close();
  if (!out) {
    std::cerr << "mkrp check: cannot write " << options.out
              << ": check the folder exists and you may write there\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

}  // namespace mkrp::app
