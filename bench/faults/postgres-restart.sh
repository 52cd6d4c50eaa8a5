#!/usr/bin/env bash
# PostgreSQL restarted (fast shutdown: connections cut) under load.
source "$(dirname "$0")/common.sh" postgres-restart 2
# items whose release failed while the server was down wait for their Inbox:Lease (default 2 min; 30 s here)
run_driver --users 20 --dialogs 1000 --duration 40 --fault exec --fault-at 12 --exec "$PG_RESTART" --reply-timeout 100 --service-env "Inbox__Lease=00:00:30;Outbox__Lease=00:00:30"
