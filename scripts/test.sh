#!/usr/bin/env bash
# Runs every test: starts throwaway PostgreSQL and Redis, runs the solution's tests, stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh start
trap 'bash scripts/services.sh stop' EXIT
dotnet test PhanHoi.Bot.sln -c Release --logger "console;verbosity=normal" "$@"
