#!/usr/bin/env bash
# Installs what is missing, builds a release build and starts MKRP Review on an embedded SQLite
# store in ./var (http://127.0.0.1:8080), with a demo agency and a demo reviewer whose passwords
# are printed once. Ctrl-C stops it; nothing is lost.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build/release -DCMAKE_BUILD_TYPE=Release -DMKRP_BUILD_TESTS=OFF
scripts/make-sample.sh tests/fixtures/sample-directive.docx
echo "A sample directive to upload: tests/fixtures/sample-directive.docx"
exec build/release/src/app/mkrp serve --data-dir var --demo "$@"
