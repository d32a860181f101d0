// The extract tests' own main: the same executable serves as the sandboxed child in the sandbox
// tests, so that crashes, hangs and memory exhaustion are real, not simulated.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "sandbox_fakes.h"

int main(int argc, char** argv) {
  if (const int code = mkrp::extract::testing::runChildMode(argc, argv); code >= 0) return code;
  return Catch::Session().run(argc, argv);
}
