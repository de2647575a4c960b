#!/usr/bin/env bash
# Installs PostgreSQL from Debian (if missing) and starts a throwaway server on loopback.
# Prints the export line for TEST_DATABASE_URL. Stop it with: .ci/postgres.sh stop
set -euo pipefail
PGTMP=/tmp/rapporteur-pgtest
PORT=54329
if [ "${1:-}" = "stop" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
  exit 0
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ -d "$PGTMP/data" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
fi
mkdir -p "$PGTMP" && chown postgres:postgres "$PGTMP"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c max_connections=100" start >&2
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
