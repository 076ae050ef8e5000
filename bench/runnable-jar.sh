#!/usr/bin/env bash
# The gateway as a runnable jar (docs/operations/deploy.md §3): a production server assembled from the build (no
# sandbox, deploy/production.xml, PostgreSQL), packaged by Liberty into one executable jar while it has never run, then
# started with `java -jar` on a throw-away PostgreSQL database with every demo setting replaced (a production deployment
# refuses them) and asked /health/ready. Prints the jar's size, the time from `java -jar` to ready, and the answer.
#
#   bench/runnable-jar.sh
#
# Needs what bench/lib.sh needs (a built tree, PostgreSQL). The providers' hosts do not exist here, so readiness leaves
# them out (cg.health.provider-affects-readiness=false); the database check must be UP.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init runnable-jar
P=$(free_port)
bench_database

dir=$(server_dir jar)
BENCH_SERVERS+=(jar)

log "a production server, packaged before it ever ran"
mkdir -p "$dir/apps" "$dir/lib/jdbc" "$dir/deploy"
cp bootstrap/src/main/liberty/config/server.xml "$dir/server.xml"
cp -r bootstrap/src/main/liberty/config/db "$dir/db"
cp bootstrap/src/main/liberty/config/deploy/production.xml "$dir/deploy/production.xml"
cp bootstrap/target/consent-gateway.war "$dir/apps/consent-gateway.war"
cp "$PG_JAR" "$dir/lib/jdbc/postgresql.jar"
printf 'http.port=%s\nhttps.port=%s\ncg.db.kind=postgresql\ncg.deploy=production\n' "$P" "$(free_port)" > "$dir/bootstrap.properties"
package_runnable jar

log "java -jar on PostgreSQL, production settings from the environment"
secret() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
started=$(date +%s%N)
start_runnable jar \
  keystore_password="$(head -c 18 /dev/urandom | base64 | tr -d '+/=')" \
  CG_DB_URL="jdbc:postgresql://localhost:5432/$PG_DB" CG_DB_USER="$PG_USER" CG_DB_PASSWORD="$PG_PASSWORD" \
  CG_INSTANCE_ID=runnable-jar CG_PUBLIC_BASE_URL="http://localhost:$P" \
  CG_CRYPTO_KEYS="k1:$(secret)" CG_CRYPTO_CURRENT_KEY_ID=k1 \
  MP_JWT_VERIFY_ISSUER=https://login.fintech.example MP_JWT_VERIFY_PUBLICKEY_LOCATION=https://login.fintech.example/jwks \
  CG_NRICH_BASE_URL=https://nrich.invalid/api CG_NRICH_CLIENT_ID=fintech CG_NRICH_CLIENT_SECRET="$(secret)" \
  CG_TATRABANKA_BASE_URL=https://bank.invalid CG_TATRABANKA_CLIENT_ID=fintech CG_TATRABANKA_CLIENT_SECRET="$(secret)" \
  CG_WEBHOOKS_ENDPOINTS=fintech CG_WEBHOOKS_ENDPOINT_FINTECH_URL=https://hooks.fintech.invalid/consent-gateway \
  CG_WEBHOOKS_ENDPOINT_FINTECH_SECRETS="whsec_$(secret)" \
  CG_HEALTH_PROVIDER_AFFECTS_READINESS=false
jar_pid=${BENCH_JARS[-1]#*:}
console="$OUT/jar.console.log"
until curl -fsS -o /dev/null "http://localhost:$P/health/ready" 2>/dev/null; do
  kill -0 "$jar_pid" 2>/dev/null || { echo "the jar's server ended; its console:" >&2; tail -40 "$console" >&2; exit 1; }
  [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 180 ] || { echo "not ready after 180 s" >&2; tail -40 "$console" >&2; exit 1; }
  sleep 0.2
done
echo "ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"
ready=$(curl -fsS "http://localhost:$P/health/ready")
echo "/health/ready: $ready"
live=$(curl -fsS "http://localhost:$P/health/live")
case "$ready" in *'"database"'*'"status":"UP"'*|*'"status":"UP"'*'"database"'*) ;; *) echo "no database check UP" >&2; exit 1;; esac
case "$live" in *'"instance":"runnable-jar"'*) ;; *) echo "another server answered: $live" >&2; exit 1;; esac
grep -q "Consent Gateway wired" "$console" || { echo "no wiring line in the console" >&2; exit 1; }
page=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$P/")
api=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$P/api/v1/consents")
echo "the demo page: $page; the API without a token: $api"
[ "$page" = 404 ] || { echo "a production deployment serves the demo page" >&2; exit 1; }
[ "$api" = 401 ] || { echo "the API did not answer 401 without a token" >&2; exit 1; }
echo "runnable jar: started on PostgreSQL in production mode, ready, no demo page, and it is the one this script started"
