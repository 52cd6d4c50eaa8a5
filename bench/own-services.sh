#!/usr/bin/env bash
# Sourced by the benchmark scripts, from the repository root: a PostgreSQL + Redis of the script's own (folder and
# ports, never the test suite's), started now and stopped when the script exits. Exports PHANHOI_TEST_POSTGRES and
# PHANHOI_TEST_REDIS. (The fault scenarios start theirs in bench/faults/common.sh: Redis with an append-only file.)
#   source bench/own-services.sh <name> <postgres port> <redis port>
export PHANHOI_SERVICES_DIR="/tmp/phanhoi-$1-$$"
export PHANHOI_PG_PORT="$2" PHANHOI_REDIS_PORT="$3"
OWN_SERVICES="$PWD/scripts/services.sh"
trap '"$OWN_SERVICES" stop || true' EXIT
source scripts/services.sh start
set -euo pipefail
