// The `mkrp` subcommands. Each takes the arguments after its own name and returns the exit code:
// 0 success, 1 usage error, 2 the input could not be read (message on stderr).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::app {

using Arguments = std::vector<std::string>;

// For commands that read their arguments in a loop: when args[i] is option `name`, given as
// "--name VALUE" or "--name=VALUE", stores the value, advances `i` past it and returns true.
bool optionValue(const Arguments& args, std::size_t& i, std::string_view name, std::string& value);

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitUnreadable = 2;

int runExtract(const Arguments& args);
// mkrp check FILE... --kind le|psap [--format text|json|html] [--out PATH] [--checklists DIR]:
// 0 when the check ran (whatever it found), 1 for a usage error, 2 for a file that cannot be read.
int runCheck(const Arguments& args);
// mkrp checklists validate [DIR]: 0 when every checklist file loads, 2 with each mistake listed.
int runChecklists(const Arguments& args);
// mkrp roster check FILE --kind le|psap [--renewal-since DATE] [--format text|json]: 0 when the
// check ran (whatever it found), 1 for a usage error, 2 for an unreadable file or bad rows (each
// row/column problem listed on stderr; with --format json also as JSON on stdout).
int runRoster(const Arguments& args);

// mkrp serve: the service, until SIGINT or SIGTERM (app/serve_command.cpp).
int runServe(const Arguments& args);
// mkrp migrate | agency add | user add: the store a service uses (app/admin_commands.cpp).
int runMigrate(const Arguments& args);
int runAgency(const Arguments& args);
int runUser(const Arguments& args);
// mkrp membership run-daily: the membership transitions due now, once (app/membership_command.cpp).
int runMembership(const Arguments& args);

// The checklist directory to use: `requested` when not empty, else $MKRP_CHECKLISTS, else a
// checklists/ directory (holding checklist.xsd) beside the program or in one of its parents,
// else "checklists".
std::string findChecklistDirectory(const std::string& requested);

}  // namespace mkrp::app
