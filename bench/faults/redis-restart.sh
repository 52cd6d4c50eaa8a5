#!/usr/bin/env bash
# Redis shut down and started again 3 s later under load (append-only file on, as a deployment keeps state).
source "$(dirname "$0")/common.sh" redis-restart 3
run_driver --users 20 --duration 40 --fault exec --fault-at 12 --exec "$REDIS_RESTART" --reply-timeout 90
