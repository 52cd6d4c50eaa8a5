#!/usr/bin/env bash
# Runs every test: starts throwaway PostgreSQL and Redis, runs the solution's tests, stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh start
trap 'bash scripts/services.sh stop' EXIT
log="$(mktemp)"
status=0
dotnet test PhanHoi.Bot.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line for the whole suite, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
