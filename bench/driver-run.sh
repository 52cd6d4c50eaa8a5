#!/usr/bin/env bash
# Sourced by the benchmark scripts, after bench/own-services.sh: one closed-loop run of the load driver against the
# script's own PostgreSQL and Redis, on an empty Redis (the inbox's idempotency keys would otherwise pile up and slow
# later runs).
#   bench_dialogs <users>                    # dialogs per citizen: 30 at 50 citizens, 8 otherwise
#   bench_run <log file> <driver options...> # prints the run's JSON line (nothing when the run printed no figures)
bench_dialogs() { echo $(( $1 == 50 ? 30 : 8 )); }

bench_run() {
  local log="$1"
  shift
  redis-cli -p "$PHANHOI_REDIS_PORT" flushall >/dev/null
  dotnet bench/Load/bin/Release/net10.0/phanhoi-load.dll --warmup "${WARMUP:-3000}" \
    --postgres "$PHANHOI_TEST_POSTGRES" --redis "$PHANHOI_TEST_REDIS" "$@" 2>"$log" | tail -n1 || true
}
