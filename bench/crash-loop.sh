#!/usr/bin/env bash
# The crash loop: two gateway nodes on one PostgreSQL and the sandbox in a server of its own; node a (the victim) is
# killed with kill -9 at a random moment of each round, while users connect and read through it and both schedulers
# sweep, and started again. Then the checks of bench/java/CrashLoop.java: no consent ACTIVE with a token the sandbox
# rejects, no flow stuck in EXCHANGING, no code exchanged twice; and the webhooks: the sandbox's receiver is down in
# every other round, so kills land between a change and its delivery, and afterwards every event stored is delivered,
# none is given up, none arrives that was never stored, and no completed flow or consent lacks its event.
#
#   bench/crash-loop.sh [ROUNDS] [CONSENTS]     (default 1000 rounds, 100 consents; CI runs a short form with 20)
#
# Needs what bench/lib.sh describes. Leaves the servers' logs in target/bench/crash-loop/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init crash-loop
ROUNDS=${1:-1000}
CONSENTS=${2:-100}

A=$(free_port); B=$(free_port); S=$(free_port)
SB="http://localhost:$S"
bench_database
log "victim node a on $A, survivor node b on $B, sandbox on $S"
assemble_sandbox sandbox "$S" "http://localhost:$A/callback/tatrabanka,http://localhost:$B/callback/tatrabanka" \
  -Dsandbox.nrich.access-token-lifetime=PT40S
# Refresh tokens are due for renewal 20 s after issue, so both schedulers sweep all the time; a dead node's claims
# are free again after 20 s; an interrupted exchange fails 75 s after it began (the patience is 10 s); a webhook not
# taken is retried for about 3.5 minutes, longer than the receiver is ever down. A round waits
# mostly for the victim's restart: C1 alone (TieredStopAtLevel=1) cuts it from about 26 s to 17 s on 2 cores and
# changes nothing the loop checks. CG_CRASH_JVM adds JVM options to both nodes.
common=(-XX:TieredStopAtLevel=1 -Dcg.scheduler.initial-delay=PT1S -Dcg.scheduler.interval=PT2S -Dcg.scheduler.claim-lease=PT20S
        -Dcg.policy.refresh-renewal-age=PT20S -Dcg.policy.access-token-skew=PT5S -Dcg.policy.exchange-timeout=PT75S
        -Dcg.webhooks.retry-schedule=PT1S,PT2S,PT4S,PT8S,PT15S,PT30S,PT30S,PT30S,PT30S,PT60S
        ${CG_CRASH_JVM:-})
assemble_gateway node-a "$A" "$SB" "${common[@]}"
assemble_gateway node-b "$B" "$SB" "${common[@]}"
start_server sandbox; wait_up "$SB/sandbox/control/stats"
start_server node-a; start_server node-b
wait_up "http://localhost:$A/health/ready"; wait_up "http://localhost:$B/health/ready"

log "crash loop: $ROUNDS rounds, $CONSENTS consents to start with"
bench_java CrashLoop "$SB" "http://localhost:$A" "http://localhost:$B" "$ROUNDS" "$WLP/bin/server" "$RUN-node-a" \
  "$WLP/usr/servers/.pid/$RUN-node-a.pid" "postgresql://$PG_USER:$PG_PASSWORD@localhost:5432/$PG_DB" "$CONSENTS"
