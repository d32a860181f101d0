// The store scenarios' runner: Catch2's, plus `--backend NAME` to choose the backend.
#define CATCH_CONFIG_RUNNER
#include <Poco/Exception.h>

#include <catch2/catch.hpp>
#include <iostream>

#include "backends.h"

int main(int argc, char* argv[]) {
  Catch::Session session;
  std::string backend = "sqlite";
  using Catch::clara::Opt;
  session.cli(session.cli() |
              Opt(backend, "name")["--backend"]("the store backend to run the scenarios on"));
  if (const int error = session.applyCommandLine(argc, argv); error != 0) return error;
  try {
    mkrp::store::testing::selectBackend(backend);
  } catch (const Poco::Exception& e) {
    std::cerr << e.message() << "\n";
    return 2;
  }
  return session.run();
}
