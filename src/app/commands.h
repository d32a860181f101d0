// The `mkrp` subcommands. Each takes the arguments after its own name and returns the exit code:
// 0 success, 1 usage error, 2 the input could not be read (message on stderr).
#pragma once

#include <string>
#include <vector>

namespace mkrp::app {

using Arguments = std::vector<std::string>;

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitUnreadable = 2;

int runExtract(const Arguments& args);

}  // namespace mkrp::app
