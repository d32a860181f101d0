#!/usr/bin/env bash
# bench/other-orders.sh [MKRP] [CORPUS]: the pre-check on real police general orders about other
# subjects (use of force, property, custody, rules of conduct ...), from the shared corpus. None of
# them is a missing-children directive, so every critical item reported met is a false 'met':
# the figure to keep low. Prints, for each agency kind, how many orders got at least one critical
# item met, the total, and the items most often met.
#   MKRP    the mkrp binary (default: build/bench/src/app/mkrp, then build/test/src/app/mkrp)
#   CORPUS  the shared corpus (default: ../shared/corpus beside the project)
# MKRP_CHECKLISTS=DIR checks with other checklist files (e.g. an earlier version, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
mkrp=${1:-}
if [[ -z "$mkrp" ]]; then
  for candidate in build/bench/src/app/mkrp build/test/src/app/mkrp; do
    [[ -x "$candidate" ]] && { mkrp=$candidate; break; }
  done
fi
corpus=${2:-../shared/corpus}
if [[ -z "$mkrp" || ! -x "$mkrp" ]]; then
  echo "other-orders: build mkrp first (bench/run-check.sh or scripts/test.sh), or name it" >&2
  exit 1
fi
if [[ ! -f "$corpus/MANIFEST.tsv" ]]; then
  echo "other-orders: no corpus at $corpus; nothing to measure" >&2
  exit 0
fi
checklists=()
[[ -n "${MKRP_CHECKLISTS:-}" ]] && checklists=(--checklists "$MKRP_CHECKLISTS")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The police general orders of the corpus (its "ilpolice" files), in name order.
mapfile -t orders < <(cd "$corpus" && ls pdf | grep '^ilpolice__' | sort)
for kind in le psap; do
  mkdir -p "$out/$kind"
  for order in "${orders[@]}"; do
    "$mkrp" check "$corpus/pdf/$order" --kind "$kind" --format json "${checklists[@]}" >"$out/$kind/$order.json" \
      2>/dev/null || rm -f "$out/$kind/$order.json"
  done
done
python3 - "$out" <<'PY'
import collections, glob, json, os, sys
root = sys.argv[1]
for kind in ("le", "psap"):
    counts, orders, with_met = collections.Counter(), 0, 0
    for path in sorted(glob.glob(os.path.join(root, kind, "*.json"))):
        report = json.load(open(path))
        orders += 1
        met = [i["id"] for i in report["items"]
               if i["status"] == "met" and i["severity"] == "critical"]
        with_met += bool(met)
        counts.update(met)
    print(f"{kind}: {orders} orders read, {with_met} with a critical item met, "
          f"{sum(counts.values())} critical items met in all")
    print("  most often: " + ", ".join(f"{item} {n}" for item, n in counts.most_common(8)))
PY
