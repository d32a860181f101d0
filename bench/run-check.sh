#!/usr/bin/env bash
# bench/run-check.sh [bench_check options...]: builds bench_check in a Release tree (build/bench,
# or $MKRP_BENCH_DIR) and runs it: the pre-check on a ~100-page directive against all checklists,
# next to a naive baseline. Processor time is the figure to compare; elapsed time includes waiting
# on a busy host.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${MKRP_BENCH_DIR:-build/bench}
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMKRP_BUILD_BENCH=ON \
    -DMKRP_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$dir" -j2 --target bench_check
exec "$dir/bench/bench_check" "$@"
