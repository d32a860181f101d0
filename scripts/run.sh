#!/usr/bin/env bash
# Installs what is missing, builds a release build and runs MKRP Review's main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build/release -DCMAKE_BUILD_TYPE=Release -DMKRP_BUILD_TESTS=OFF
sample=tests/fixtures/sample-directive.docx
scripts/make-sample.sh "$sample"
echo "== mkrp extract $sample"
build/release/src/app/mkrp extract "$sample"
