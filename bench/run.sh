#!/usr/bin/env bash
# The performance table: what the gateway adds on top of its provider and its database, each figure measured beside
# its floor in the same run. One gateway on PostgreSQL and the sandbox in a server of its own (a sandbox inside the
# gateway's server would share its threads and CPU and blur every figure); the load comes from the JDK's HTTP client
# on the same machine and only talks to localhost. The measurements are in bench/java/Perf.java; docs/performance.md
# explains the table and holds the latest run.
#
#   bench/run.sh [SECONDS] [SWEEP] [FILL]
#     SECONDS  each measured load phase (default 15; each has a warm-up of a third of it, at least 5 s)
#     SWEEP    consents due at once for the keep-alive sweep (default 10000)
#     FILL     consents stored beside them that are not due (default 90000)
#
# DB=h2: the gateway on an embedded H2 file database instead of PostgreSQL (the README's run command uses H2), and the
# callback's floor commits to an embedded H2 database in the load generator; no PostgreSQL needed, no claim query row.
# WARMUP=SECONDS (default 360): the reads' common warm-up, so that the figures are those of servers whose JIT compiler
# has compiled the hot paths (measured cold, a read costs the gateway ten times the CPU; see docs/performance.md).
# With ONLY=reads, only the read phases run (about 9 minutes): for trying a change to the read path.
# With PROFILE=FOLDER, the gateway's part of each phase runs under Java Flight Recorder (FOLDER/<phase>.jfr), and the
# run ends with where the CPU time went (bench/java/Hot.java; `java -cp target/bench/classes Hot FILE.jfr 12 METHOD`
# draws the calls below one method as a tree).
#
# Needs what bench/lib.sh describes (a JDK, the wrapper, PostgreSQL started as .ci/run starts it unless DB=h2).
# About 13 minutes.
set -euo pipefail
if [ -n "${PROFILE:-}" ]; then mkdir -p "$PROFILE"; PROFILE=$(cd "$PROFILE" && pwd); export PROFILE; fi
. "$(dirname "$0")/lib.sh"
bench_init perf
SECONDS_EACH=${1:-15}
SWEEP=${2:-10000}
FILL=${3:-90000}
WARMUP=${WARMUP:-360}
DB=${DB:-postgresql}

G=$(free_port); S=$(free_port)
SB="http://localhost:$S"
case $DB in
  postgresql)
    bench_database
    bench_extra_database "${PG_DB}_claims"
    JDBC="jdbc:postgresql://localhost:5432/$PG_DB"; DB_USER=$PG_USER; DB_PASSWORD=$PG_PASSWORD
    FLOOR_JDBC=$JDBC; CLAIMS_JDBC="jdbc:postgresql://localhost:5432/${PG_DB}_claims"; DRIVER=$PG_JAR
    log "gateway on $G (PostgreSQL $PG_DB), sandbox on $S" ;;
  h2)
    BENCH_H2_DIR="$OUT/h2-$$"; export GATEWAY_H2="$BENCH_H2_DIR/gateway"
    JDBC=$(h2_url "$GATEWAY_H2"); DB_USER=sa; DB_PASSWORD=
    FLOOR_JDBC="jdbc:h2:file:$BENCH_H2_DIR/floor"; CLAIMS_JDBC=-; DRIVER=$H2_JAR
    log "gateway on $G (H2 $GATEWAY_H2), sandbox on $S" ;;
  *) echo "DB is postgresql or h2, not $DB" >&2; exit 2 ;;
esac
assemble_sandbox sandbox "$S" "http://localhost:$G/callback/tatrabanka"
# the scheduler looks for due consents every second, so the sweep starts when they fall due; under PROFILE a recording
# keeps 256 frames per sample (the JDK's default of 64 loses everything below the resource method in Liberty's stacks)
assemble_gateway gateway "$G" "$SB" -Dcg.scheduler.initial-delay=PT1S -Dcg.scheduler.interval=PT1S \
  ${PROFILE:+-XX:FlightRecorderOptions:stackdepth=256}
start_server sandbox; wait_up "$SB/sandbox/control/stats"

ready_ms=$(start_timed gateway "http://localhost:$G/health/ready")
sleep 5
idle_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$(server_pid gateway)/status")
war_bytes=$(stat -c %s bootstrap/target/consent-gateway.war)

log "measuring (load phases of $SECONDS_EACH s; sweep $SWEEP due of $((SWEEP + FILL)))"
status=0
BENCH_CLASSPATH="$DRIVER" bench_java Perf "$SB" "http://localhost:$G" "$WLP/usr/servers/.pid/$RUN-gateway.pid" \
  "$JDBC" "$DB_USER" "$DB_PASSWORD" "$FLOOR_JDBC" "$SECONDS_EACH" "$SWEEP" "$FILL" \
  "$CLAIMS_JDBC" adapters-persistence/src/main/resources/db/migration \
  adapters-persistence/target/classes "$WLP/usr/servers/.pid/$RUN-sandbox.pid" "$WARMUP" || status=1

awk -v ms="$ready_ms" -v b="$war_bytes" 'BEGIN { printf "server start to ready: %.1f s\nWAR: %.1f MB\n", ms / 1000, b / 1048576 }'
printf 'resident memory idle (5 s after ready): %d MB\n' $(( idle_kb / 1024 ))
printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -1)" \
  "$(grep -o 'Open Liberty [0-9.]*' "$(server_log gateway)" | head -1)"
if [ -n "${PROFILE:-}" ]; then
  for recording in "$PROFILE"/*.jfr; do log "profile: $recording"; java -cp "$ROOT/target/bench/classes" Hot "$recording" 20; done
fi
exit $status
