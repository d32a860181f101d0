#!/usr/bin/env bash
# bench/http/run.sh: the service under HTTP load on loopback, with wrk, in three set-ups measured
# in the same run with the same load:
#   sqlite      one instance on SQLite (the default deployment)
#   pg-1        one instance on PostgreSQL
#   pg-2+nginx  two instances on one PostgreSQL behind nginx (round robin)
# Each store holds APPLICATIONS submitted applications (default 10,000), seeded directly by
# bench_http_seed. Measured: requests/s and p50/p99 latency of the reviewer queue (API, and the
# queue page when the service has it) and of one application (API, and its review page), then
# uploads of a 20-page directive through to finished pre-check.
#
# Options (environment): APPLICATIONS=10000 DURATION=10 (seconds per wrk run) CONNECTIONS=16
# UPLOADS=40 WORKERS=2 (pre-check workers per instance) SETUPS="sqlite pg-1 pg-2+nginx"
# Needs: wrk, nginx, postgresql-15 (scripts/setup.sh, scripts/postgres.sh). Builds a Release tree
# in build/bench-http. Figures go to stdout; each set-up's logs stay in $MKRP_BENCH_KEEP if set.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

APPLICATIONS=${APPLICATIONS:-10000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
UPLOADS=${UPLOADS:-40}
WORKERS=${WORKERS:-2}
SETUPS=${SETUPS:-"sqlite pg-1 pg-2+nginx"}
build=${MKRP_BENCH_HTTP_BUILD:-build/bench-http}

say() { echo "bench/http: $*" >&2; }

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { say "$tool is missing (scripts/setup.sh installs it)"; exit 1; }
done

if [[ ! -f $build/build.ninja ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMKRP_BUILD_BENCH=ON \
    -DMKRP_BUILD_TESTS=OFF >&2
fi
nice cmake --build "$build" -j2 --target mkrp bench_http_seed >&2
mkrp=$root/$build/src/app/mkrp
seed=$root/$build/bench/http/bench_http_seed

work=$(mktemp -d "${TMPDIR:-/tmp}/mkrp-bench-http.XXXXXX")
# Apart from $work: the cluster belongs to the postgres account when run as root.
postgres_dir=$(mktemp -d -u "${TMPDIR:-/tmp}/mkrp-bench-http-postgres.XXXXXX")
pids=()
# Stops what this script started: SIGTERM, and SIGKILL for whatever still runs 30 s later.
stop_all() {
  ((${#pids[@]})) || return 0
  kill "${pids[@]}" 2>/dev/null || true
  local alive pid
  for _ in $(seq 300); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
}
cleanup() {
  stop_all
  scripts/postgres.sh stop "$postgres_dir" 2>/dev/null || true
  if [[ -n ${MKRP_BENCH_KEEP:-} ]]; then cp -r "$work" "$MKRP_BENCH_KEEP"; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- helpers ---------------------------------------------------------------------------------

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# start_instance CONFIG LOG: starts `mkrp serve`, waits until it listens, appends its port to
# the array `ports`. (Not in a subshell, so that its process id stays in `pids`.)
start_instance() {
  "$mkrp" serve --config "$1" --port 0 >"$2" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do
    if grep -q "listening on" "$2"; then
      ports+=("$(grep -o 'listening on http://[^ ]*' "$2" | head -1 | sed 's/.*://')")
      return 0
    fi
    sleep 0.1
  done
  say "mkrp serve did not start:"; cat "$2" >&2; return 1
}

# start_nginx PORT UPSTREAM_PORT...: round robin over the instances, keep-alive to them.
start_nginx() {
  local port=$1 conf=$work/nginx/nginx.conf
  shift
  mkdir -p "$work/nginx/tmp"
  {
    echo "daemon off; worker_processes 1; pid $work/nginx/nginx.pid;"
    echo "error_log $work/nginx/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log off; client_max_body_size 25m; client_body_temp_path $work/nginx/tmp/body;"
    echo "  proxy_temp_path $work/nginx/tmp/proxy; fastcgi_temp_path $work/nginx/tmp/fastcgi;"
    echo "  uwsgi_temp_path $work/nginx/tmp/uwsgi; scgi_temp_path $work/nginx/tmp/scgi;"
    echo "  upstream mkrp {"
    for upstream in "$@"; do echo "    server 127.0.0.1:$upstream;"; done
    echo "    keepalive 32;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    location / {"
    echo "      proxy_pass http://mkrp; proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\"; proxy_set_header Host \$host;"
    echo "      proxy_set_header X-Forwarded-For \$remote_addr; proxy_request_buffering on;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$conf"
  nginx -p "$work/nginx" -c "$conf" &
  pids+=($!)
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  say "nginx did not start:"; cat "$work/nginx/error.log" >&2; return 1
}

# login URL EMAIL PASSWORD: prints "TOKEN CSRF".
login() {
  local jar=$work/cookies.$$ body
  body=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/login")
  echo "$(awk '$6 == "mkrp_session" {print $7}' "$jar") $(sed 's/.*"csrf":"\([^"]*\)".*/\1/' <<<"$body")"
  rm -f "$jar"
}

# wrk_run URL TOKEN: prints "requests/s p50-ms p99-ms" (non-2xx answers make it fail).
wrk_run() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: mkrp_session=$2" "$1")
  if grep -q "Non-2xx" <<<"$out"; then
    say "non-2xx answers from $1:"; echo "$out" >&2; return 1
  fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.1f %.1f\n", rps, p50, p99 }' <<<"$out"
}

# checked_count URL TOKEN APPLICATION [TOKEN APPLICATION ...]: how many documents of those
# applications are checked, each read with its own agency's session (another agency's is 404).
checked_count() {
  local url=$1 total=0 n
  shift
  while (($# >= 2)); do
    n=$(curl -sf -b "mkrp_session=$1" "$url/api/v1/applications/$2" |
      grep -o '"status":"checked"' | wc -l)
    total=$((total + n))
    shift 2
  done
  echo "$total"
}

# upload_run URL: UPLOADS uploads of the 20-page directive spread over the uploading agencies,
# four at a time; prints "acknowledged/s checked/s".
upload_run() {
  local url=$1 uploaders=() tokens=() csrfs=() apps=() i
  for pair in $UPLOADERS; do
    local email=${pair%%:*} app=${pair##*:} credentials
    credentials=$(login "$url" "$email" "$PASSWORD")
    tokens+=("${credentials% *}"); csrfs+=("${credentials#* }"); apps+=("$app")
  done
  local count=${#apps[@]} start acknowledged finished
  start=$(date +%s.%N)
  for ((i = 0; i < UPLOADS; i++)); do
    local k=$((i % count))
    echo "${tokens[$k]} ${csrfs[$k]} ${apps[$k]}"
  done | xargs -P4 -L1 sh -c 'curl -sf -o /dev/null -b "mkrp_session=$0" -H "X-CSRF-Token: $1" \
      -F "file=@'"$work"'/directive-20.docx" "'"$url"'/api/v1/applications/$2/documents"' ||
    { say "an upload failed"; return 1; }
  acknowledged=$(date +%s.%N)
  local pairs=()
  for ((i = 0; i < count; i++)); do pairs+=("${tokens[$i]}" "${apps[$i]}"); done
  for _ in $(seq 3000); do
    [[ $(checked_count "$url" "${pairs[@]}") -ge $UPLOADS ]] && break
    sleep 0.2
  done
  finished=$(date +%s.%N)
  awk -v n="$UPLOADS" -v s="$start" -v a="$acknowledged" -v f="$finished" \
    'BEGIN { printf "%.1f %.2f\n", n / (a - s), n / (f - s) }'
}

# --- set-ups ---------------------------------------------------------------------------------

"$seed" directive "$work/directive-20.docx" --pages 20
uploaders_needed=$(((UPLOADS + 19) / 20))

pg_url=""
pg_database() {  # pg_database NAME: a fresh database on the private cluster, prints its URL
  if [[ -z $pg_url ]]; then pg_url=$(scripts/postgres.sh start "$postgres_dir") || return 1; fi
  /usr/lib/postgresql/15/bin/psql -q "$pg_url" -c "CREATE DATABASE $1" >&2
  echo "${pg_url%/*}/$1"
}

declare -A results
measure() {  # measure SETUP: seeds, starts, loads and stops one set-up; fills results[SETUP,*]
  local setup=$1 dir=$work/$1 database instances=1
  mkdir -p "$dir"
  case $setup in
    sqlite) database="sqlite:$dir/data/mkrp.db" ;;
    pg-1) database=$(pg_database mkrp_bench_single) ;;
    pg-2+nginx) database=$(pg_database mkrp_bench_pair); instances=2 ;;
    *) say "unknown set-up $setup"; return 1 ;;
  esac
  printf 'data_dir = %s\ndatabase = %s\nworkers = %s\nlog.level = warning\n' \
    "$dir/data" "$database" "$WORKERS" >"$dir/mkrp.properties"
  "$mkrp" migrate --config "$dir/mkrp.properties" >/dev/null
  say "$setup: seeding $APPLICATIONS applications"
  local seeded_at=$SECONDS
  eval "$("$seed" store --database "$database" --data-dir "$dir/data" \
    --applications "$APPLICATIONS" --uploaders "$uploaders_needed")"
  say "$setup: seeded in $((SECONDS - seeded_at)) s"
  local ports=() url
  for ((i = 1; i <= instances; i++)); do
    start_instance "$dir/mkrp.properties" "$dir/serve-$i.log"
  done
  if ((instances > 1)); then
    local port
    port=$(free_port)
    start_nginx "$port" "${ports[@]}"
    url=http://127.0.0.1:$port
  else
    url=http://127.0.0.1:${ports[0]}
  fi
  local credentials token
  credentials=$(login "$url" "$REVIEWER" "$PASSWORD")
  token=${credentials% *}
  local -A paths=([queue-api]=/api/v1/queue [application-api]=/api/v1/applications/$APPLICATION
                  [queue-page]=/review [application-page]=/review/applications/$APPLICATION)
  for name in queue-api queue-page application-api application-page; do
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "mkrp_session=$token" "$url${paths[$name]}")
    if [[ $status != 200 ]]; then
      results[$setup,$name]="(HTTP $status)"
      continue
    fi
    say "$setup: $name"
    results[$setup,$name]=$(wrk_run "$url${paths[$name]}" "$token")
  done
  say "$setup: $UPLOADS uploads of a 20-page directive"
  results[$setup,upload]=$(upload_run "$url")
  stop_all
}

for setup in $SETUPS; do measure "$setup"; done

# --- report ----------------------------------------------------------------------------------

echo "bench/http: $(date -u +%Y-%m-%d), $(nproc) cores, $APPLICATIONS applications, wrk -t2 -c$CONNECTIONS" \
  "-d${DURATION}s, $WORKERS pre-check workers per instance, Release build"
printf '%-34s' "endpoint (req/s, p50 ms, p99 ms)"
for setup in $SETUPS; do printf ' | %-22s' "$setup"; done
echo
for name in queue-api queue-page application-api application-page; do
  printf '%-34s' "$name"
  for setup in $SETUPS; do
    read -r rps p50 p99 <<<"${results[$setup,$name]}"
    if [[ -z ${p99:-} ]]; then printf ' | %-22s' "${results[$setup,$name]}"; else
      printf ' | %-22s' "$rps/s $p50 $p99"; fi
  done
  echo
done
printf '%-34s' "upload 20 pages (ack/s, checked/s)"
for setup in $SETUPS; do
  read -r ack checked <<<"${results[$setup,upload]}"
  printf ' | %-22s' "$ack/s $checked/s"
done
echo
