#!/usr/bin/env bash
# kill -9 of the service under load, then a restart on the same port, PostgreSQL and Redis.
source "$(dirname "$0")/common.sh" kill9 1
# an item the killed instance had claimed is due again after Inbox:Lease (default 2 min; 30 s here, so the run stays short)
run_driver --users 20 --dialogs 1000 --duration 40 --fault kill9 --fault-at 12 --fault-for 2 --reply-timeout 100 --service-env "Inbox__Lease=00:00:30;Outbox__Lease=00:00:30"
