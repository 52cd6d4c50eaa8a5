#!/usr/bin/env bash
# Every fault scenario in turn (each starts and stops its own servers); one verdict line each; fails if any fails.
cd "$(dirname "$0")"
failed=0
for scenario in kill9 postgres-restart redis-restart platform-outage duplicate-delivery three-instances; do
  ./$scenario.sh || failed=1
done
exit $failed
