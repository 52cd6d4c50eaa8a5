#!/usr/bin/env bash
# Three service instances behind a round-robin proxy on one PostgreSQL + Redis: a citizen's messages land anywhere.
source "$(dirname "$0")/common.sh" three-instances 6
run_driver --users 30 --dialogs 1000 --duration 40 --instances 3 --fault none --reply-timeout 60
