// mkrp checklists validate [DIR]: load every checklist file the way the service does and report
// each mistake with its file, line and item.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "check/checklist_loader.h"

namespace mkrp::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: mkrp checklists validate [DIR]\n"
    "  DIR defaults to $MKRP_CHECKLISTS, else the checklists/ directory found next to the\n"
    "  program (or in a parent directory of it)\n";

// A directory holding checklist.xsd at `base`/checklists or `base`/share/mkrp/checklists.
std::string checklistDirectoryUnder(const fs::path& base) {
  for (const fs::path& candidate : {base / "checklists", base / "share" / "mkrp" / "checklists"}) {
    std::error_code error;
    if (fs::is_regular_file(candidate / "checklist.xsd", error)) return candidate.string();
  }
  return {};
}

// Looks upwards from the running program, so a build tree or an install prefix both work.
std::string checklistDirectoryNearProgram() {
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  fs::path dir = program.parent_path();
  for (int level = 0; level < 8 && !dir.empty(); ++level) {
    if (std::string found = checklistDirectoryUnder(dir); !found.empty()) return found;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

int validate(const std::string& requested) {
  const std::string directory = findChecklistDirectory(requested);
  const check::LoadResult result = check::readChecklistDirectory(directory);
  if (!result.ok()) {
    for (const check::LoadProblem& problem : result.problems) {
      std::cerr << problem.toString() << '\n';
    }
    std::cerr << "mkrp checklists: " << result.problems.size()
              << (result.problems.size() == 1 ? " mistake" : " mistakes") << " in " << directory
              << '\n';
    return kExitUnreadable;
  }
  std::cout << "ok: " << result.checklists.checklists.size() << " checklists, "
            << result.checklists.itemCount() << " items\n";
  return kExitOk;
}

}  // namespace

std::string findChecklistDirectory(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* fromEnvironment = std::getenv("MKRP_CHECKLISTS");
      fromEnvironment != nullptr && *fromEnvironment != '\0') {
    return fromEnvironment;
  }
  if (std::string found = checklistDirectoryNearProgram(); !found.empty()) return found;
  return "checklists";
}

int runChecklists(const Arguments& args) {
  if (args.empty() || args[0] != "validate" || args.size() > 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string directory = args.size() == 2 ? args[1] : "";
  if (!directory.empty() && directory[0] == '-') {
    std::cerr << "mkrp checklists: unexpected option '" << directory << "'\n" << kUsage;
    return kExitUsage;
  }
  return validate(directory);
}

}  // namespace mkrp::app
