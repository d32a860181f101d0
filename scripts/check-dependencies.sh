#!/usr/bin/env bash
# Keeps the module arrows of docs/ARCHITECTURE.md honest: a module may include only the headers
# of modules it is allowed to depend on.
set -euo pipefail
cd "$(dirname "$0")/.."

# module: modules it must not include
declare -A forbidden=(
  [core]="extract check store workflow render web app"
  [extract]="check store workflow render web app"
  [check]="extract store workflow render web app"
  [store]="extract check workflow render web app"
  [render]="extract check store workflow web app"
  [workflow]="web app"
  [web]="app"
)
status=0
for module in "${!forbidden[@]}"; do
  [[ -d src/$module ]] || continue
  for other in ${forbidden[$module]}; do
    if hits=$(grep -rn "#include \"$other/" "src/$module" 2>/dev/null); then
      echo "dependency check: src/$module must not include $other/:" >&2
      echo "$hits" >&2
      status=1
    fi
  done
done
exit $status
