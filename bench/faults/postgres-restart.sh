#!/usr/bin/env bash
# PostgreSQL restarted (fast shutdown: connections cut) under load.
source "$(dirname "$0")/common.sh" postgres-restart 2
run_driver --users 20 --duration 40 --fault exec --fault-at 12 --exec "$PG_RESTART" --reply-timeout 90
