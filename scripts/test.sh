#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer and UndefinedBehaviorSanitizer, and runs
# every test. Warnings are errors here. The store scenarios also run on a private PostgreSQL
# cluster (scripts/postgres.sh), started for the run and stopped afterwards; when it cannot be
# started they show as not run, and the reason is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export MKRP_POSTGRES_DIR=${MKRP_POSTGRES_DIR:-$(mktemp -d -u "${TMPDIR:-/tmp}/mkrp-test-postgres.XXXXXX")}
trap 'scripts/postgres.sh stop "$MKRP_POSTGRES_DIR"' EXIT
if url=$(scripts/postgres.sh start "$MKRP_POSTGRES_DIR"); then
  export MKRP_TEST_POSTGRES_URL=$url
else
  echo "test: no PostgreSQL server; the store scenarios on PostgreSQL will show as not run" >&2
  unset MKRP_TEST_POSTGRES_URL
fi

# Configured after the cluster is up: the PostgreSQL entries are registered only with a server.
scripts/build.sh build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMKRP_WERROR=ON \
  "-DMKRP_SANITIZE=address;undefined" -DMKRP_BUILD_BENCH=ON
scripts/check-dependencies.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/test --output-on-failure --no-tests=error -j2
