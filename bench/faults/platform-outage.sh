#!/usr/bin/env bash
# The platform's send API answers 500, 429 and hangs (in turn) for 60 s; held replies must go out after it recovers.
source "$(dirname "$0")/common.sh" platform-outage 4
run_driver --users 20 --dialogs 1000 --duration 80 --fault platform-outage --fault-at 10 --fault-for 60 --reply-timeout 150 --limit 280
