#!/usr/bin/env bash
# scripts/make-sample.sh OUT: builds the sample directive DOCX (a short missing-children general
# order of a fictional agency) from the XML parts in tests/fixtures/sample-directive/.
# Deterministic: the parts go in a fixed order with fixed times and permissions.
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: scripts/make-sample.sh OUT.docx" >&2
  exit 1
fi
case "$1" in
  /*) out=$1 ;;
  *) out="$PWD/$1" ;;
esac
parts="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/sample-directive"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=(
  '[Content_Types].xml' _rels/.rels docProps/core.xml docProps/app.xml
  word/document.xml word/_rels/document.xml.rels word/styles.xml word/numbering.xml
  word/settings.xml word/footnotes.xml word/header1.xml word/footer1.xml
)
for file in "${files[@]}"; do
  mkdir -p "$work/$(dirname "$file")"
  cp "$parts/$file" "$work/$file"
  chmod 644 "$work/$file"
done
cd "$work"
TZ=UTC touch -t 202501010000 "${files[@]}"
# -X: no extra attributes (uid, times); -D: no directory entries; -nw: "[" is not a wildcard.
TZ=UTC zip -X -D -nw -q sample.docx "${files[@]}"
mkdir -p "$(dirname "$out")"
mv sample.docx "$out"
