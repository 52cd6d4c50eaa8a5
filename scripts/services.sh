#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster and a Redis server on loopback for the test suite.
#   source scripts/services.sh start   -> exports PHANHOI_TEST_POSTGRES / PHANHOI_TEST_REDIS
#   scripts/services.sh stop
set -euo pipefail
ROOT="${PHANHOI_SERVICES_DIR:-/tmp/phanhoi-test-services}"
# Ports below 32768, outside Linux's ephemeral range (32768-60999): inside it, an outgoing connection of a busy load
# test could hold the port as its own local port just when a server starts or restarts, and the server could not bind.
PG_PORT="${PHANHOI_PG_PORT:-25432}"
REDIS_PORT="${PHANHOI_REDIS_PORT:-26379}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing() {
  local need=()
  [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ -x /usr/bin/chromium ] || need+=(chromium)   # the web chat browser test (Playwright drives the system Chromium)
  if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "missing ${need[*]}: install them (apt-get install ${need[*]})" >&2; return 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  fi
}

start() {
  install_missing
  mkdir -p "$ROOT"; chmod 777 "$ROOT"
  if ! as_postgres "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q 2>/dev/null; then
    rm -rf "$ROOT/pg"; mkdir -p "$ROOT/pg"; chown postgres "$ROOT/pg" 2>/dev/null || true
    as_postgres "$PG_BIN/initdb" -D "$ROOT/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$ROOT/pg" -l "$ROOT/pg.log" -w \
      -o "-p $PG_PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  fi
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$ROOT/redis.pid" --logfile "$ROOT/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  export PHANHOI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export PHANHOI_TEST_REDIS="127.0.0.1:$REDIS_PORT"
}

stop() {
  [ -d "$ROOT/pg" ] && as_postgres "$PG_BIN/pg_ctl" -D "$ROOT/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$ROOT"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: services.sh start|stop" >&2; exit 2 ;;
esac
