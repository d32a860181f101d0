// The Catch2 runner shared by the test executables that need no special start-up.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
