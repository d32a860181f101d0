#!/usr/bin/env bash
# tests/browser/run.sh MKRP SOURCE_DIR OUT_DIR: the browser test. Starts `MKRP serve` on a free
# port over a new data directory, adds an agency, its staff and a reviewer with the same
# commands an administrator uses, and runs review_flow.mjs in Debian's Chromium. Screenshots go
# to OUT_DIR/screenshots. Exits 77 (ctest: skipped) when Chromium, Node or the npm packages are
# missing, saying which and how to install them.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: tests/browser/run.sh MKRP SOURCE_DIR OUT_DIR" >&2
  exit 2
fi
mkrp=$1
source_dir=$2
out_dir=$3
here="$source_dir/tests/browser"
chromium=${MKRP_CHROMIUM:-/usr/bin/chromium}

skip() {
  echo "SKIPPED: $1" >&2
  echo "Install it with scripts/setup.sh (as root), which also runs npm ci in tests/browser." >&2
  exit 77
}
[[ -x $chromium ]] || skip "no Chromium at $chromium (Debian package chromium)"
command -v node >/dev/null || skip "no node (Debian package nodejs)"
[[ -d $here/node_modules/playwright-core ]] || skip "tests/browser/node_modules is missing"

work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n $server ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export MKRP_CHECKLISTS="$source_dir/checklists"
data=(--data-dir "$work/data")
password="browser test password 4711"
agency_name="Harlow Police Department"
agency=$("$mkrp" agency add "${data[@]}" --name "$agency_name" --kind le --state VA --city Harlow)
"$mkrp" user add "${data[@]}" --email staff@harlow.test --role agency --agency "$agency" \
  --password-stdin <<<"$password" >/dev/null
"$mkrp" user add "${data[@]}" --email reviewer@mkrp.test --role reviewer \
  --password-stdin <<<"$password" >/dev/null
"$source_dir/scripts/make-sample.sh" "$work/general-order-41.docx"
# The corrected directive of the second round: the sample with a paragraph on notifying the
# supervisor and checking records added (items LE-17 and LE-18 go from missing to met).
mkdir "$work/corrected"
(
  cd "$work/corrected"
  unzip -q "$work/general-order-41.docx"
  sed -i 's/responds to every such report without delay\./& The on-duty supervisor shall be notified of every report of a missing child and shall respond to the scene. A records check of prior reports involving the child and the family shall be made at once./' word/document.xml
  grep -q "on-duty supervisor" word/document.xml
  zip -X -D -nw -q -r "$work/general-order-41-corrected.docx" .
)

"$mkrp" serve "${data[@]}" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
url=""
for _ in $(seq 1 200); do
  url=$(sed -n 's/^mkrp serve: listening on \(http:[^ ]*\)$/\1/p' "$work/serve.out")
  [[ -n $url ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "mkrp serve stopped before it listened:" >&2
    cat "$work/serve.err" >&2
    exit 1
  fi
  sleep 0.1
done
[[ -n $url ]] || { echo "mkrp serve did not say where it listens" >&2; exit 1; }
echo "service at $url"

mkdir -p "$out_dir"
status=0
MKRP_URL=$url MKRP_DIRECTIVE="$work/general-order-41.docx" \
  MKRP_CORRECTED="$work/general-order-41-corrected.docx" MKRP_SCREENSHOTS="$out_dir/screenshots" \
  MKRP_AGENCY_EMAIL=staff@harlow.test MKRP_REVIEWER_EMAIL=reviewer@mkrp.test \
  MKRP_PASSWORD="$password" MKRP_AGENCY_NAME="$agency_name" MKRP_CHROMIUM="$chromium" \
  node "$here/review_flow.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- service log ---" >&2
  tail -n 50 "$work/serve.err" >&2
fi
exit $status
