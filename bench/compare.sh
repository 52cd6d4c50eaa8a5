#!/usr/bin/env bash
# Issue 6's targets, measured the way they are defined: PhanHoi.Bot against the peer (bench/Peer: BENCH.md's SDK on our
# dialog, two node processes) on the same PostgreSQL and Redis, in the same minutes. This machine's speed drifts by half
# within minutes, so one pair of runs proves nothing: each round runs the peer and each transport, and the targets
# are judged on the rounds' medians. One JSON line per run, then one summary line per transport with each round's
# ratio to the peer, the medians and a verdict. The services' output goes to $LOG_DIR/phanhoi-compare-*.log.
#   bench/compare.sh                                   # 3 rounds of zalo, facebook and api, 200 citizens × 8 dialogs
#   ROUNDS=5 TRANSPORTS=zalo USERS=50 bench/compare.sh
#   INBOX=database bench/compare.sh                    # the webhook inbox in PostgreSQL (otherwise in Redis)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source bench/inbox-store.sh redis
[ -d bench/Peer/node_modules ] || (cd bench/Peer && npm_config_yes=true npm ci --no-audit --no-fund >/dev/null)
if [ ! -f src/Api/bin/Release/net10.0/PhanHoi.Bot.Api.dll ] || [ "${BUILD:-0}" = 1 ]; then
  dotnet build src/Api -c Release -v q >/dev/null
fi
[ -f bench/Load/bin/Release/net10.0/phanhoi-load.dll ] || dotnet build bench/Load -c Release -v q >/dev/null
source bench/own-services.sh compare 27452 28452
source bench/driver-run.sh

USERS="${USERS:-200}"
RUNS="$(mktemp)"
trap 'rm -f "$RUNS"; "$OWN_SERVICES" stop || true' EXIT

# run <round> <who> <transport> [driver options...]: one run, its JSON line kept and printed
run() {
  local round="$1" who="$2" transport="$3"
  shift 3
  local line
  line=$(bench_run "${LOG_DIR:-/tmp}/phanhoi-compare-$who-$transport-$round.log" --transport "$transport" --users "$USERS" \
    --dialogs "$(bench_dialogs "$USERS")" "$@")
  [[ "$line" == \{* ]] || line=null   # no figures: the log says why
  echo "{\"round\":$round,\"service\":\"$who\",\"transport\":\"$transport\",\"run\":$line}" | tee -a "$RUNS"
}

peer() { PEER_DIALOG=phanhoi PEER_WORKERS=2 run "$1" peer api --dialog phanhoi --api "$REPO/bench/Peer/peer.sh"; }

# the peer first in odd rounds and last in even ones, so a machine that speeds up or slows down during a round
# favours neither side
for round in $(seq "${ROUNDS:-3}"); do
  (( round % 2 )) && peer "$round"
  for transport in ${TRANSPORTS:-zalo facebook api}; do
    run "$round" phanhoi "$transport"
  done
  (( round % 2 )) || peer "$round"
done

node "$REPO/bench/compare-summary.js" < "$RUNS"
