#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer and UndefinedBehaviorSanitizer, and runs
# every test. Warnings are errors here.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMKRP_WERROR=ON \
  "-DMKRP_SANITIZE=address;undefined" -DMKRP_BUILD_BENCH=ON
scripts/check-dependencies.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/test --output-on-failure --no-tests=error -j2
