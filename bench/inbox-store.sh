#!/usr/bin/env bash
# Sourced by the benchmark scripts: INBOX=redis|database chooses where the service keeps its webhook inbox
# (Inbox:Store; the driver starts the service with this environment). The argument is the script's default.
#   source bench/inbox-store.sh <redis|database>
case "${INBOX:-$1}" in
  redis) export Inbox__Store=Redis ;;
  database) export Inbox__Store=Database ;;
  *) echo "INBOX must be redis or database, not '${INBOX:-$1}'" >&2; exit 2 ;;
esac
