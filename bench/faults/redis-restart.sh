#!/usr/bin/env bash
# Redis shut down and started again 3 s later under load (append-only file on, as a deployment keeps state).
source "$(dirname "$0")/common.sh" redis-restart 3
# items whose release failed while the server was down wait for their Inbox:Lease (default 2 min; 30 s here)
run_driver --users 20 --dialogs 1000 --duration 40 --fault exec --fault-at 12 --exec "$REDIS_RESTART" --reply-timeout 100 --service-env "Inbox__Lease=00:00:30;Outbox__Lease=00:00:30"
