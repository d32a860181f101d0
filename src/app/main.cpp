// mkrp: the command-line entry point. Dispatches to one subcommand; all work is in the libraries.
#include <iostream>
#include <string_view>

#include "app/commands.h"
#include "extract/sandbox.h"
#include "workflow/pdf_annotator.h"

namespace {

constexpr std::string_view kUsage =
    "usage: mkrp <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract FILE [--format text|json] [--positions]   read a directive and print its text\n"
    "          [--in-process] [--max-file-mb N] [--max-memory-mb N] [--timeout SECONDS]\n"
    "          (the file is read in a separate process with these limits unless --in-process)\n"
    "  check FILE... --kind le|psap [--format text|json|html] [--out PATH] [--checklists DIR]\n"
    "          pre-check directives against the checklists (files read together)\n"
    "  checklists validate [DIR]                        check the checklist files (DIR defaults\n"
    "          to $MKRP_CHECKLISTS or the checklists/ directory near the program)\n"
    "  roster check FILE --kind le|psap [--renewal-since YYYY-MM-DD] [--format text|json]\n"
    "          check a training roster (CSV) against the MKRP training criteria\n"
    "  serve [--demo]                                   run the service (http://127.0.0.1:8080)\n"
    "  migrate                                          bring the database up to date\n"
    "  agency add --name N --kind le|psap --state XX [--city C] [--ori ORI]   add an agency\n"
    "  user add --email E --role agency|reviewer|admin [--agency ID] --password-stdin\n"
    "  membership run-daily                             send due renewal reminders, lapse\n"
    "          expired memberships (serve does this on its own every few minutes)\n"
    "          (serve, migrate, agency and user take --config FILE, --data-dir DIR and\n"
    "          --database sqlite:PATH|postgresql://USER:PASSWORD@HOST:PORT/DB)\n";

struct Command {
  std::string_view name;
  int (*run)(const mkrp::app::Arguments&);
};

constexpr Command kCommands[] = {
    {"extract", mkrp::app::runExtract},
    {"check", mkrp::app::runCheck},
    {"checklists", mkrp::app::runChecklists},
    {"roster", mkrp::app::runRoster},
    {"serve", mkrp::app::runServe},
    {"migrate", mkrp::app::runMigrate},
    {"agency", mkrp::app::runAgency},
    {"user", mkrp::app::runUser},
    {"membership", mkrp::app::runMembership},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    std::cout << kUsage;
    return argc < 2 ? mkrp::app::kExitUsage : mkrp::app::kExitOk;
  }
  const std::string_view name = argv[1];
  const mkrp::app::Arguments args(argv + 2, argv + argc);
  // Not listed in the usage: how `extract` and the service start their sandboxed reader.
  if (name == mkrp::extract::kExtractChildCommand) return mkrp::extract::runExtractChild(args);
  if (name == mkrp::workflow::kAnnotateChildCommand) return mkrp::workflow::runAnnotateChild();
  for (const Command& command : kCommands) {
    if (command.name == name) return command.run(args);
  }
  std::cerr << "mkrp: unknown command '" << name << "'\n\n" << kUsage;
  return mkrp::app::kExitUsage;
}
