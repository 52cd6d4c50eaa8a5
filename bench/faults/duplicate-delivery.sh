#!/usr/bin/env bash
# Every message delivered twice at once, and once more after the next message (late, out of order).
source "$(dirname "$0")/common.sh" duplicate-delivery 5
run_driver --users 20 --dialogs 1000 --duration 40 --fault duplicate --reply-timeout 60
