// The workflow tests' own main: the executable is also the sandboxed reader child and the
// sandboxed PDF annotator, so both can be tested through the real sandbox.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sandbox.h"
#include "workflow/pdf_annotator.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == mkrp::extract::kExtractChildCommand) {
    return mkrp::extract::runExtractChild(std::vector<std::string>(argv + 2, argv + argc));
  }
  if (argc >= 2 && std::string_view(argv[1]) == mkrp::workflow::kAnnotateChildCommand) {
    return mkrp::workflow::runAnnotateChild();
  }
  return Catch::Session().run(argc, argv);
}
