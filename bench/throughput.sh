#!/usr/bin/env bash
# Throughput figures (BENCH.md table): transports api, zalo and facebook on PostgreSQL + Redis at 50 and 200
# citizens, against this script's own PostgreSQL and Redis (own folder and ports; stopped at the end).
# One JSON line per run on stdout; the service's output goes to $LOG_DIR/phanhoi-throughput-*.log.
#   bench/throughput.sh                      # all six runs
#   TRANSPORTS="zalo" USERS="200" bench/throughput.sh
#   SERVICE_ENV="DOTNET_gcServer=0" bench/throughput.sh   # the service under other runtime settings
#   WARMUP=500 bench/throughput.sh           # BENCH.md's warm-up; the default (3000 dialogs) outlasts the JIT's tiering
#   INBOX=database bench/throughput.sh       # the webhook inbox in PostgreSQL (the service's default); the figures in
#                                            # bench/README.md are the default here, the inbox in Redis (Inbox:Store=Redis)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source bench/inbox-store.sh redis
if [ ! -f src/Api/bin/Release/net10.0/PhanHoi.Bot.Api.dll ] || [ "${BUILD:-0}" = 1 ]; then
  dotnet build src/Api -c Release -v q >/dev/null
  dotnet build bench/Load -c Release -v q >/dev/null
fi
source bench/own-services.sh throughput 27450 28450
source bench/driver-run.sh
for transport in ${TRANSPORTS:-api zalo facebook}; do
  for users in ${USERS:-50 200}; do
    bench_run "${LOG_DIR:-/tmp}/phanhoi-throughput-$transport-$users.log" --transport "$transport" --users "$users" \
      --dialogs "$(bench_dialogs "$users")" --service-env "${SERVICE_ENV:-}"
  done
done
