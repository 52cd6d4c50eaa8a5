#!/usr/bin/env bash
# Shared by the fault scenarios: its own PostgreSQL + Redis (own folder and ports, never the shared test servers),
# the service and the load driver built in Release, one verdict line printed, its own servers stopped at the end.
#   source bench/faults/common.sh <scenario> <port offset>; run_driver --fault ... ; (the EXIT trap cleans up)
set -euo pipefail
SCENARIO="$1"
OFFSET="$2"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
export PHANHOI_SERVICES_DIR="/tmp/phanhoi-fault-$SCENARIO-$$"
# below the ephemeral port range (scripts/services.sh): a restart under load must be able to bind its port again
export PHANHOI_PG_PORT=$((27400 + OFFSET))
export PHANHOI_REDIS_PORT=$((28400 + OFFSET))
TRANSPORT="${TRANSPORT:-zalo}"
# INBOX=redis: the webhook inbox on Redis (Inbox:Store=Redis); by default in PostgreSQL
source bench/inbox-store.sh database
LOG="${LOG_DIR:-/tmp}/phanhoi-fault-$SCENARIO.log"

stop_own_servers() { PHANHOI_SERVICES_DIR="$PHANHOI_SERVICES_DIR" PHANHOI_PG_PORT="$PHANHOI_PG_PORT" PHANHOI_REDIS_PORT="$PHANHOI_REDIS_PORT" "$REPO/scripts/services.sh" stop || true; }
trap stop_own_servers EXIT

if [ ! -f src/Api/bin/Release/net10.0/PhanHoi.Bot.Api.dll ] || [ ! -f bench/Load/bin/Release/net10.0/phanhoi-load.dll ] || [ "${BUILD:-0}" = 1 ]; then
  dotnet build src/Api -c Release -v q >/dev/null
  dotnet build bench/Load -c Release -v q >/dev/null
fi

# Redis as state is deployed: with an append-only file, so a restart keeps the dialogs (services.sh runs it without,
# and Redis refuses to change its directory at run time, so it is started here first; services.sh then leaves it be)
mkdir -p "$PHANHOI_SERVICES_DIR"; chmod 777 "$PHANHOI_SERVICES_DIR"
REDIS_START="redis-server --port $PHANHOI_REDIS_PORT --bind 127.0.0.1 --dir $PHANHOI_SERVICES_DIR --appendonly yes --appendfsync always --save '' --daemonize yes --pidfile $PHANHOI_SERVICES_DIR/redis.pid --logfile $PHANHOI_SERVICES_DIR/redis.log >/dev/null; for i in \$(seq 50); do redis-cli -p $PHANHOI_REDIS_PORT ping >/dev/null 2>&1 && break; sleep 0.1; done"
eval "$REDIS_START"
source scripts/services.sh start
set -euo pipefail
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"

# Commands the scenarios hand to the driver (--exec), run when the fault is due.
PG_RESTART="runuser -u postgres -- $PG_BIN/pg_ctl -D $PHANHOI_SERVICES_DIR/pg -l $PHANHOI_SERVICES_DIR/pg.log -m fast -w restart >/dev/null"
REDIS_RESTART="redis-cli -p $PHANHOI_REDIS_PORT shutdown >/dev/null 2>&1; sleep 3; $REDIS_START"

# Runs the driver against this scenario's servers; prints its verdict line, returns its exit code.
run_driver() {
  local status=0
  dotnet bench/Load/bin/Release/net10.0/phanhoi-load.dll --mode fault --scenario "$SCENARIO" --transport "$TRANSPORT" \
    --postgres "$PHANHOI_TEST_POSTGRES" --redis "$PHANHOI_TEST_REDIS" "$@" >"$LOG.out" 2>"$LOG" || status=$?
  tail -n1 "$LOG.out"
  if [ $status -ne 0 ]; then
    # the servers' folder goes when the script ends: keep their logs, and whether Redis answers now
    cp "$PHANHOI_SERVICES_DIR/redis.log" "$LOG.redis" 2>/dev/null || true
    cp "$PHANHOI_SERVICES_DIR/pg.log" "$LOG.pg" 2>/dev/null || true
    redis-cli -p "$PHANHOI_REDIS_PORT" info clients >>"$LOG.redis" 2>&1 || true
    echo "details: $LOG (the servers' logs: $LOG.redis, $LOG.pg)" >&2
  fi
  return $status
}
