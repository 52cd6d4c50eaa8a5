#!/usr/bin/env bash
# The peer as the load driver starts a service: bench/Load ... --api bench/Peer/peer.sh (npm ci first).
exec node "$(dirname "$0")/peer.js"
