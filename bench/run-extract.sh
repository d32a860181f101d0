#!/usr/bin/env bash
# bench/run-extract.sh [bench_extract options...]: builds bench_extract in a Release tree
# (build/bench) and runs it on the shared corpus. Results belong in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/bench
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMKRP_BUILD_BENCH=ON \
    -DMKRP_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$dir" -j2 --target bench_extract >&2
exec "$dir/bench/bench_extract" "$@"
