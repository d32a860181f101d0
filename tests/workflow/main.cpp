// The workflow tests' own main: the executable is also the sandboxed reader child, so the job
// runner can be tested through the real sandbox.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sandbox.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == mkrp::extract::kExtractChildCommand) {
    return mkrp::extract::runExtractChild(std::vector<std::string>(argv + 2, argv + argc));
  }
  return Catch::Session().run(argc, argv);
}
