#!/usr/bin/env bash
# What this machine charges for the things a chat turn does many times: a system call, a switch between two processes
# (a wake-up across a pipe and back, as between the service and PostgreSQL or Redis), and plain computing (SHA-256).
# Run it before and after a round of figures: the ratio to the peer moves with these more than with the CPU alone,
# because a turn here crosses more processes than a turn of the peer (bench/README.md, "Sixteenth round").
# One JSON line on stdout; takes ≈ 10 s; run it with the machine otherwise quiet.
#   bench/machine.sh
set -euo pipefail
command -v python3 >/dev/null || { echo "bench/machine.sh needs python3" >&2; exit 2; }
python3 - <<'EOF'
import hashlib, json, os, platform, time

def syscall_us(n=200_000):
    fd = os.open("/dev/null", os.O_WRONLY)
    start = time.perf_counter()
    for _ in range(n):
        os.write(fd, b"x")
    elapsed = time.perf_counter() - start
    os.close(fd)
    return elapsed / n * 1e6

def round_trip_us(n=20_000):
    to_child_r, to_child_w = os.pipe()
    to_parent_r, to_parent_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        for _ in range(n):
            os.read(to_child_r, 1)
            os.write(to_parent_w, b"y")
        os._exit(0)
    start = time.perf_counter()
    for _ in range(n):
        os.write(to_child_w, b"x")
        os.read(to_parent_r, 1)
    elapsed = time.perf_counter() - start
    os.waitpid(pid, 0)
    return elapsed / n * 1e6

def sha256_mb_per_s(mb=256):
    block = b"\0" * (1 << 20)
    digest = hashlib.sha256()
    start = time.perf_counter()
    for _ in range(mb):
        digest.update(block)
    return mb / (time.perf_counter() - start)

def page_table_isolation():
    try:
        with open("/sys/devices/system/cpu/vulnerabilities/meltdown") as f:
            return "PTI" in f.read()
    except OSError:
        return False

print(json.dumps({
    "cores": os.cpu_count(),
    "kernel": platform.release(),
    "pti": page_table_isolation(),
    "loadAverage": round(os.getloadavg()[0], 2),
    "syscallMicroseconds": round(min(syscall_us() for _ in range(3)), 3),
    "processRoundTripMicroseconds": round(min(round_trip_us() for _ in range(3)), 1),
    "sha256MegabytesPerSecond": round(max(sha256_mb_per_s() for _ in range(3)), 0),
}))
EOF
