// mkrp: the command-line entry point. Dispatches to one subcommand; all work is in the libraries.
#include <iostream>
#include <string_view>

#include "app/commands.h"

namespace {

constexpr std::string_view kUsage =
    "usage: mkrp <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract FILE [--format text|json] [--positions]   read a directive and print its text\n";

struct Command {
  std::string_view name;
  int (*run)(const mkrp::app::Arguments&);
};

constexpr Command kCommands[] = {
    {"extract", mkrp::app::runExtract},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    std::cout << kUsage;
    return argc < 2 ? mkrp::app::kExitUsage : mkrp::app::kExitOk;
  }
  const std::string_view name = argv[1];
  const mkrp::app::Arguments args(argv + 2, argv + argc);
  for (const Command& command : kCommands) {
    if (command.name == name) return command.run(args);
  }
  std::cerr << "mkrp: unknown command '" << name << "'\n\n" << kUsage;
  return mkrp::app::kExitUsage;
}
