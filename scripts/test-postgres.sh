#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite on 127.0.0.1:55432
# (database gazette_test, user/password gazette), from Debian's postgresql package.
# Idempotent: does nothing when the server already answers.
set -euo pipefail
port="${GAZETTE_TEST_PG_PORT:-55432}"
root="${GAZETTE_TEST_PG_DIR:-/tmp/gazette-test-pg}"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
  fi
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "PostgreSQL already running on 127.0.0.1:$port"
  exit 0
fi

mkdir -p "$root"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$root"
if [ ! -f "$root/data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$root/data" -U postgres -A trust --no-sync >/dev/null
fi
as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
  -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

psql_pg() { as_pg psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_pg -c "select 1 from pg_roles where rolname = 'gazette'")" ]; then
  psql_pg -c "create role gazette login password 'gazette'"
fi
if [ -z "$(psql_pg -c "select 1 from pg_database where datname = 'gazette_test'")" ]; then
  psql_pg -c "create database gazette_test owner gazette"
fi
echo "PostgreSQL running on 127.0.0.1:$port (database gazette_test, user gazette)"
