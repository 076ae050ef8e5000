#!/usr/bin/env bash
# Two gateway nodes on one PostgreSQL and one sandbox (deployed beside node a, as in the demo; node b uses it over
# HTTP like any provider); then the checks of TwoNodes.java, and the data store's end-to-end tests (DataStoreIT) on
# PostgreSQL against node a. Node a runs in the build's Liberty; node b runs as a runnable jar (`java -jar`, Liberty's
# runtime inside), packaged here from its server before that ever ran (docs/operations/deploy.md §3).
#
#   bench/two-nodes.sh [CONSENTS]        (default 2000; CI runs a short form with 150)
#
# Needs: a built tree (built here when the WARs are missing), PostgreSQL as described in bench/lib.sh, and free ports
# (reserved here by asking the kernel). Leaves the servers' logs in target/bench/two-nodes/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init two-nodes
CONSENTS=${1:-2000}

A=$(free_port); B=$(free_port)
SB="http://localhost:$A"
bench_database
log "nodes on $A (with the sandbox) and $B"
common=(-Dcg.scheduler.initial-delay=PT2S -Dcg.scheduler.interval=PT2S -Dcg.policy.access-token-skew=PT5S)
WITH_SANDBOX=1 assemble_gateway node-a "$A" "$SB" "${common[@]}" \
  -Dsandbox.idp.issuer="$SB/sandbox/idp" -Dsandbox.public-base-url="$SB/sandbox" \
  -Dsandbox.bank.redirect-uris="http://localhost:$A/callback/tatrabanka,http://localhost:$B/callback/tatrabanka" \
  -Dsandbox.nrich.access-token-lifetime=PT40S
assemble_gateway node-b "$B" "$SB" "${common[@]}"
start_server node-a
log "node b as a runnable jar"
package_runnable node-b
start_runnable node-b
wait_up "http://localhost:$A/health/ready"; wait_up "http://localhost:$B/health/ready"
# A server left over on one of these ports would answer too: each node must name itself.
for node in "node-a $A" "node-b $B"; do
  set -- $node
  curl -fsS "http://localhost:$2/health/live" | grep -q "\"instance\":\"$1\"" || { echo "another server answers on $2" >&2; exit 1; }
done
echo "node b, started with java -jar, is ready on PostgreSQL: $(curl -fsS "http://localhost:$B/health/ready")"

if [ -n "${CG_BENCH_HOLD:-}" ]; then
  log "holding: sandbox $SB, nodes http://localhost:$A and http://localhost:$B (Ctrl+C ends)"
  sleep "$CG_BENCH_HOLD"; exit 0
fi
log "checks ($CONSENTS consents)"
bench_java TwoNodes "$SB" "http://localhost:$A" "http://localhost:$B" "$CONSENTS" \
  "$(server_log node-a)" "$(server_log node-b)" "postgresql://$PG_USER:$PG_PASSWORD@localhost:5432/$PG_DB"

# The data store's end-to-end tests (DataStoreIT, which ./mvnw verify runs on H2) once more, against node a on PostgreSQL.
log "DataStoreIT against node a (PostgreSQL)"
./mvnw -B -q -pl bootstrap failsafe:integration-test failsafe:verify -Dit.test=DataStoreIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.http.port="$A" -Dit.instance-id=node-a -Dit.server.log="$(server_log node-a)" \
  -Dit.jdbc.url="jdbc:postgresql://localhost:5432/$PG_DB" -Dit.jdbc.user="$PG_USER" -Dit.jdbc.password="$PG_PASSWORD"
sed -n 's/^Tests run/DataStoreIT on PostgreSQL: tests run/p' bootstrap/target/failsafe-reports/io.consentgateway.it.DataStoreIT.txt
