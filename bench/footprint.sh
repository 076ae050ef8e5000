#!/usr/bin/env bash
# Start-up and footprint of one gateway on PostgreSQL (the sandbox in a server of its own) with the JVM options given:
# the time from `server start` to /health/ready answering 200, for the first start of a new server (Liberty builds its
# caches) and for a second one; and the resident memory 5 s after ready and after 200 readiness checks. Used to choose
# the JVM settings in docs/performance.md.
#
#   bench/footprint.sh [JVM_OPTION...]     e.g. bench/footprint.sh -Xmx256m -XX:+UseSerialGC
#
# Needs what bench/lib.sh describes. About a minute.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init footprint
G=$(free_port); S=$(free_port); SB="http://localhost:$S"
bench_database
assemble_sandbox sandbox "$S" "http://localhost:$G/callback/tatrabanka"
assemble_gateway gateway "$G" "$SB" "$@"
start_server sandbox; wait_up "$SB/sandbox/control/stats"
first=$(start_timed gateway "http://localhost:$G/health/ready")
"$WLP/bin/server" stop "$RUN-gateway" >/dev/null
second=$(start_timed gateway "http://localhost:$G/health/ready")
echo "JVM options: ${*:-(none)}"
echo "server start to ready: first start $first ms, second start $second ms"
rss() { awk '/^VmRSS:/ {printf "%d MB (%d kB)", $2 / 1024, $2}' "/proc/$(server_pid gateway)/status"; }
sleep 5
echo "resident memory 5 s after ready: $(rss)"
for _ in $(seq 1 200); do curl -s -o /dev/null "http://localhost:$G/health/ready"; done
echo "resident memory after 200 readiness checks: $(rss)"
