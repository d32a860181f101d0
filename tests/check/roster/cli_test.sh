#!/bin/sh
# The `mkrp roster check` command end to end: exit codes and the output an agency sees.
# usage: cli_test.sh MKRP FIXTURE_DIR
set -u
mkrp=$1
fixtures=$2
failures=0

expect() {  # expect NAME WANTED_EXIT PATTERN -- ARGS...
  name=$1 wanted=$2 pattern=$3
  shift 4
  out=$("$mkrp" "$@" 2>&1)
  code=$?
  if [ "$code" -ne "$wanted" ]; then
    echo "FAIL $name: exit $code, wanted $wanted"; echo "$out"; failures=$((failures + 1)); return
  fi
  if ! printf '%s' "$out" | grep -q -- "$pattern"; then
    echo "FAIL $name: output lacks '$pattern'"; echo "$out"; failures=$((failures + 1)); return
  fi
  echo "ok   $name"
}

expect "initial check as JSON" 0 '"status":"met","kind":"le"' -- \
  roster check "$fixtures/le-semicolon.csv" --kind le --format json
expect "JSON names each person by row" 0 '"row":3,"name":"Al Bo","positions":\["officer","investigator"\],"checked":true,"complete":true' -- \
  roster check "$fixtures/le-semicolon.csv" --kind le --format json
expect "renewal finds the old CEOMEC" 0 'TRN-REN-LE-01  missing' -- \
  roster check "$fixtures/le-semicolon.csv" --kind le --renewal-since 2021-06-01
expect "bad rows exit 2 with row and column" 2 'row 3, column assigned: bad date' -- \
  roster check "$fixtures/bad-rows.csv" --kind psap
expect "bad rows as JSON" 2 '"status":"invalid","problems":\[{"row":2,"column":"position"' -- \
  roster check "$fixtures/bad-rows.csv" --kind psap --format json
expect "missing file exits 2" 2 'cannot open' -- roster check "$fixtures/none.csv" --kind le
expect "kind is required" 1 'say which kind of agency' -- roster check "$fixtures/bad-rows.csv"
expect "renewal date must be a date" 1 'renewal-since must be' -- \
  roster check "$fixtures/bad-rows.csv" --kind le --renewal-since 2021-02-30

[ "$failures" -eq 0 ]
