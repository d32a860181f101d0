#!/usr/bin/env bash
# scripts/multi-instance.sh [RUNS] [BUILD_DIR]: runs the multi-instance tests (two `mkrp serve`
# on one PostgreSQL, tests/multi_instance) RUNS times in a row (default 10) and stops at the
# first failure. Uses $MKRP_TEST_POSTGRES_URL when set, else starts a private cluster for the
# runs (scripts/postgres.sh) and stops it afterwards. BUILD_DIR (default build/test) must hold a
# built test_multi_instance and mkrp. Prints the time of each run and a summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
build=${2:-build/test}
binary=$build/tests/multi_instance/test_multi_instance
[[ -x $binary ]] || { echo "multi-instance: $binary is not built" >&2; exit 1; }

if [[ -z ${MKRP_TEST_POSTGRES_URL:-} ]]; then
  cluster=$(mktemp -d -u "${TMPDIR:-/tmp}/mkrp-multi-instance-postgres.XXXXXX")
  trap 'scripts/postgres.sh stop "$cluster"' EXIT
  MKRP_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$cluster")
  export MKRP_TEST_POSTGRES_URL
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0
for ((run = 1; run <= runs; run++)); do
  start=$SECONDS
  if ! "$binary" --reporter compact >"${TMPDIR:-/tmp}/mkrp-multi-instance-run.log" 2>&1; then
    cat "${TMPDIR:-/tmp}/mkrp-multi-instance-run.log" >&2
    echo "multi-instance: run $run of $runs FAILED after $((SECONDS - start)) s ($passed passed)"
    exit 1
  fi
  passed=$((passed + 1))
  echo "multi-instance: run $run of $runs passed in $((SECONDS - start)) s:" \
    "$(grep -E '^(Passed|All tests)' "${TMPDIR:-/tmp}/mkrp-multi-instance-run.log" | tail -1)"
done
echo "multi-instance: $passed of $runs runs passed in a row"
