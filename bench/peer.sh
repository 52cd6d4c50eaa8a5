#!/usr/bin/env bash
# The yardstick of BENCH.md measured on this machine: the peer (bench/Peer, botbuilder 4.23.3 for JavaScript) driven
# by our load driver through /api/messages, against this script's own PostgreSQL and Redis, for BENCH.md's dialog
# (8.5 turns) and for PhanHoi.Bot's (10.8 turns), with one and two node processes. One JSON line per run on stdout,
# prefixed with the dialog and the process count; the peer's output goes to $LOG_DIR/phanhoi-peer-*.log.
#   bench/peer.sh
#   DIALOGS="phanhoi" WORKERS="2" USERS="200" bench/peer.sh
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
[ -d bench/Peer/node_modules ] || (cd bench/Peer && npm_config_yes=true npm ci --no-audit --no-fund >/dev/null)
[ -f bench/Load/bin/Release/net10.0/phanhoi-load.dll ] || dotnet build bench/Load -c Release -v q >/dev/null
source bench/own-services.sh peer 27451 28451
source bench/driver-run.sh
for dialog in ${DIALOGS:-bench phanhoi}; do
  for workers in ${WORKERS:-1 2}; do
    for users in ${USERS:-50 200}; do
      line=$(PEER_DIALOG="$dialog" PEER_WORKERS="$workers" bench_run "${LOG_DIR:-/tmp}/phanhoi-peer-$dialog-$workers-$users.log" \
        --transport api --dialog "$dialog" --api "$REPO/bench/Peer/peer.sh" --users "$users" --dialogs "$(bench_dialogs "$users")")
      echo "{\"peerDialog\":\"$dialog\",\"peerProcesses\":$workers,\"run\":${line:-null}}"
    done
  done
done
