#!/usr/bin/env bash
# Does a slow or failing provider starve the rest of the gateway? One gateway on PostgreSQL, the sandbox in a server
# of its own (a sandbox inside the gateway's server would share its threads and CPU); then the checks of
# bench/java/Isolation.java: the consent list under 64 slow reads, a minute of 503s, answers lost after processing;
# finally the provider's host goes away (the sandbox's server stops): readiness goes DOWN, liveness and the consent
# list stay up, and readiness comes back with the provider. Last the gateway's database goes away (it refuses
# connections and ends those open): the API answers 503 service-unavailable with Retry-After, the callback its page
# that repeats itself, readiness goes DOWN and liveness stays up; all of it recovers, without a restart, once the
# database takes connections again.
#
#   bench/isolation.sh [SECONDS]     (each load phase; default 20. The outage lasts OUTAGE seconds, default 60)
#
# Needs what bench/lib.sh describes. Leaves the servers' logs in target/bench/isolation/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init isolation
SECONDS_EACH=${1:-20}
OUTAGE=${OUTAGE:-60}

G=$(free_port); S=$(free_port)
SB="http://localhost:$S"
bench_database
log "gateway on $G, sandbox on $S"
assemble_sandbox sandbox "$S" "http://localhost:$G/callback/tatrabanka"
# every read syncs with the provider (no answer from the store while fresh): the provider path is what is measured
assemble_gateway gateway "$G" "$SB" -Dcg.sync.max-age=PT0S ${CG_BENCH_GATEWAY_OPTIONS:-}
start_server sandbox; wait_up "$SB/sandbox/control/stats"
start_server gateway; wait_up "http://localhost:$G/health/ready"

log "checks (load phases of $SECONDS_EACH s, outage $OUTAGE s)"
status=0
bench_java Isolation "$SB" "http://localhost:$G" "$SECONDS_EACH" "$OUTAGE" || status=1

log "the provider's host goes away"
TOKEN=$(curl -fsS -d "user=isolation-host" "$SB/sandbox/idp/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
"$WLP/bin/server" stop "$RUN-sandbox" >/dev/null
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
ready=""; for _ in $(seq 1 20); do ready=$(code "http://localhost:$G/health/ready"); [ "$ready" = 503 ] && break; sleep 1; done
live=$(code "http://localhost:$G/health/live")
list=$(code -H "Authorization: Bearer $TOKEN" "http://localhost:$G/api/v1/consents")
echo "sandbox stopped: /health/ready $ready, /health/live $live, consent list $list"
start_server sandbox; wait_up "$SB/sandbox/control/stats"
back=""; for _ in $(seq 1 30); do back=$(code "http://localhost:$G/health/ready"); [ "$back" = 200 ] && break; sleep 1; done
echo "sandbox started again: /health/ready $back"
if [ "$ready" = 503 ] && [ "$live" = 200 ] && [ "$list" = 200 ] && [ "$back" = 200 ]; then
  echo "  ok    readiness follows the provider's host; liveness and the consent list stay up"
else
  echo "  FAIL  readiness follows the provider's host; liveness and the consent list stay up"; status=1
fi
log "the gateway's database goes away"
TOKEN=$(curl -fsS -d "user=isolation-db" "$SB/sandbox/idp/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
code -H "Authorization: Bearer $TOKEN" "http://localhost:$G/api/v1/consents" >/dev/null
pg_admin -c "ALTER DATABASE $PG_DB ALLOW_CONNECTIONS false" \
  -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$PG_DB'" >/dev/null
answer=$(curl -s -D "$OUT/db-away.headers" -H "Authorization: Bearer $TOKEN" "http://localhost:$G/api/v1/consents")
list=$(sed -n '1s/^HTTP[^ ]* \([0-9]*\).*/\1/p' "$OUT/db-away.headers")
retry=$(tr -d '\r' < "$OUT/db-away.headers" | sed -n 's/^Retry-After: //Ip')
callback=$(code "http://localhost:$G/callback/nrich?state=0123456789abcdef0123456789abcdef&code=isolation")
ready=$(code "http://localhost:$G/health/ready")
live=$(code "http://localhost:$G/health/live")
echo "database away: consent list $list (Retry-After $retry) $answer; callback $callback; /health/ready $ready, /health/live $live"
pg_admin -c "ALTER DATABASE $PG_DB ALLOW_CONNECTIONS true"
started=$(date +%s); back=""
while [ $(( $(date +%s) - started )) -lt 30 ]; do
  back=$(code -H "Authorization: Bearer $TOKEN" "http://localhost:$G/api/v1/consents"); [ "$back" = 200 ] && break; sleep 0.5
done
ready_back=$(code "http://localhost:$G/health/ready")
echo "database back: consent list $back after $(( $(date +%s) - started )) s, /health/ready $ready_back"
if [ "$list" = 503 ] && [ "$retry" = 5 ] && [[ "$answer" == *'problems/service-unavailable"'* ]] && [ "$callback" = 503 ] \
    && [ "$ready" = 503 ] && [ "$live" = 200 ] && [ "$back" = 200 ] && [ "$ready_back" = 200 ]; then
  echo "  ok    the database away is a 503 to retry, never a 500; everything recovers without a restart"
else
  echo "  FAIL  the database away is a 503 to retry, never a 500; everything recovers without a restart"; status=1
fi
if grep -q "Unexpected error" "$(server_log gateway)"; then
  echo "  FAIL  no unexpected error in the gateway's log"; status=1
else
  echo "  ok    no unexpected error in the gateway's log"
fi
exit $status
