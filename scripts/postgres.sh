#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the tests, on a free port of 127.0.0.1 only.
#
#   scripts/postgres.sh start [DIR]  installs postgresql-15 (Debian) when missing, creates the
#                                    cluster in DIR (default: $MKRP_POSTGRES_DIR or
#                                    /tmp/mkrp-postgres), starts it and prints its URL on stdout;
#                                    an already running cluster in DIR is reused
#   scripts/postgres.sh url [DIR]    prints the URL of the running cluster in DIR
#   scripts/postgres.sh stop [DIR]   stops the cluster and removes DIR
#
# The URL names a user that may create databases (each test makes its own) and the database
# mkrp_test. Messages go to stderr; the exit status is non-zero when no cluster could be started.
# The cluster runs without fsync: it is thrown away, and a crash of the machine is not what the
# tests are about.
set -euo pipefail

readonly kBin=/usr/lib/postgresql/15/bin
readonly kUser=mkrp
readonly kDatabase=mkrp_test

command=${1:-}
dir=${2:-${MKRP_POSTGRES_DIR:-${TMPDIR:-/tmp}/mkrp-postgres}}
data=$dir/data

say() { echo "postgres: $*" >&2; }

# Runs a command as the cluster's owner: root may not run PostgreSQL, so root hands over to the
# postgres account; anyone else runs it as themselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_server() {
  [[ -x $kBin/pg_ctl ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    say "postgresql-15 is not installed and only root can install it"
    return 1
  fi
  say "installing postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15; } \
    >/dev/null || { say "apt-get could not install postgresql-15"; return 1; }
  [[ -x $kBin/pg_ctl ]]
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

running() { [[ -f $data/postmaster.pid ]] && as_owner "$kBin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

print_url() {
  [[ -f $dir/url ]] || { say "no cluster in $dir"; return 1; }
  cat "$dir/url"
}

create_cluster() {
  mkdir -p "$dir"
  chmod 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  as_owner "$kBin/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { say "initdb failed (see $dir/initdb.log)"; return 1; }
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
}

start_cluster() {
  local port
  for _ in 1 2 3; do
    port=$(free_port) || { say "no free port found"; return 1; }
    if as_owner "$kBin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port" start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      return 0
    fi
    say "could not start on port $port, trying another (see $dir/server.log)"
  done
  return 1
}

create_user_and_database() {
  local port password
  port=$(cat "$dir/port")
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  as_owner "$kBin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    >/dev/null <<EOF
CREATE ROLE $kUser LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $kDatabase OWNER $kUser;
EOF
  echo "postgresql://$kUser:$password@127.0.0.1:$port/$kDatabase" >"$dir/url"
  chmod 600 "$dir/url"
}

start() {
  install_server || return 1
  if running && [[ -f $dir/url ]]; then
    print_url
    return 0
  fi
  if [[ -d $data ]]; then
    say "removing the stopped cluster in $dir"
    rm -rf "$dir"
  fi
  create_cluster || return 1
  start_cluster || return 1
  if ! create_user_and_database; then
    say "could not create the user and database"
    stop
    return 1
  fi
  say "running in $dir"
  print_url
}

stop() {
  if [[ -f $data/postmaster.pid ]]; then
    as_owner "$kBin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  # Only ever remove a directory this script made (it holds our data/ or url file).
  if [[ -d $dir && ( -d $data || -f $dir/url || -f $dir/initdb.log ) ]]; then
    rm -rf "$dir"
  fi
}

case $command in
  start) start ;;
  stop) stop ;;
  url) print_url ;;
  *)
    echo "usage: $0 start|url|stop [DIR]" >&2
    exit 2
    ;;
esac
