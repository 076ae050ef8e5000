#!/usr/bin/env bash
# Two gateway nodes on one PostgreSQL and one sandbox (deployed beside node a, as in the demo; node b uses it over
# HTTP like any provider); then the checks of TwoNodes.java.
#
#   bench/two-nodes.sh [CONSENTS]        (default 2000; CI runs a short form with 200)
#
# Needs: a built tree (./mvnw -B -DskipTests package, run by this script when the WARs are missing), PostgreSQL on
# localhost:5432 with a login role that may create databases (CG_BENCH_PG_USER / CG_BENCH_PG_PASSWORD, default the
# ones .ci/run prepares), and free ports (reserved here by asking the kernel). Leaves logs in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONSENTS=${1:-2000}
PG_USER=${CG_BENCH_PG_USER:-cg_test}
PG_PASSWORD=${CG_BENCH_PG_PASSWORD:-cg_test}
PG_DB=cg_bench_$$
OUT="$ROOT/target/bench/two-nodes"
log() { printf '\n== %s\n' "$*"; }
# Creating and dropping the run's database: as the postgres superuser where we are root (CI), else as the role.
pg_admin() {
  if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then runuser -u postgres -- psql -qAt "$@"
  else PGPASSWORD="$PG_PASSWORD" psql -h localhost -U "$PG_USER" -d postgres -qAt "$@"; fi
}

[ -f bootstrap/target/consent-gateway.war ] && [ -f sandbox/target/sandbox.war ] || ./mvnw -B -q -DskipTests package
WLP="$ROOT/bootstrap/target/liberty/wlp"
[ -x "$WLP/bin/server" ] || ./mvnw -B -q -pl bootstrap liberty:create
PG_JAR=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
A=$(free_port); B=$(free_port); SB=$A
RUN="bench-$$"
SERVERS=("$RUN-a" "$RUN-b")

cleanup() {
  for s in "${SERVERS[@]}"; do "$WLP/bin/server" stop "$s" >/dev/null 2>&1 || true; done
  mkdir -p "$OUT"
  for s in "${SERVERS[@]}"; do
    [ -d "$WLP/usr/servers/$s/logs" ] && cp "$WLP/usr/servers/$s/logs/messages.log" "$OUT/$s.log" 2>/dev/null || true
    rm -rf "$WLP/usr/servers/$s"
  done
  pg_admin -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

log "PostgreSQL database $PG_DB"
pg_admin -c "CREATE DATABASE $PG_DB OWNER $PG_USER"

log "nodes on $A (with the sandbox) and $B"
for node in a b; do
  port=$A; [ $node = b ] && port=$B
  dir="$WLP/usr/servers/$RUN-$node"
  mkdir -p "$dir/apps" "$dir/lib/jdbc" "$dir/deploy"
  cp bootstrap/src/main/liberty/config/server.xml "$dir/server.xml"
  cp -r bootstrap/src/main/liberty/config/db "$dir/db"
  # the demo deployment (demo key, sandbox identity provider); only node a deploys the sandbox
  if [ $node = a ]; then
    cp bootstrap/src/main/liberty/config/deploy/demo.xml "$dir/deploy/bench.xml"
    cp sandbox/target/sandbox.war "$dir/apps/sandbox.war"
  else
    printf '<server>\n  <variable name="cg.deployment" value="demo"/>\n</server>\n' > "$dir/deploy/bench.xml"
  fi
  cp bootstrap/target/consent-gateway.war "$dir/apps/consent-gateway.war"
  cp "$PG_JAR" "$dir/lib/jdbc/postgresql.jar"
  cat > "$dir/bootstrap.properties" <<PROPS
http.port=$port
https.port=$(free_port)
cg.db.kind=postgresql
cg.deploy=bench
PROPS
  # keystore_password: Liberty creates its default keystore only with one, and MicroProfile JWT needs it to verify tokens
  cat > "$dir/server.env" <<ENV
keystore_password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')
CG_DB_URL=jdbc:postgresql://localhost:5432/$PG_DB
CG_DB_USER=$PG_USER
CG_DB_PASSWORD=$PG_PASSWORD
ENV
  cat > "$dir/jvm.options" <<OPTS
-Dcg.instance-id=node-$node
-Dcg.public-base-url=http://localhost:$port
-Dcg.return-to.allowed=http://localhost:$port/
-Dcg.return-to.default=http://localhost:$port/
-Dcg.nrich.base-url=http://localhost:$SB/sandbox/nrich
-Dcg.tatrabanka.base-url=http://localhost:$SB/sandbox/bank
-Dmp.jwt.verify.publickey.location=http://localhost:$SB/sandbox/idp/jwks
-Dmp.jwt.verify.issuer=http://localhost:$SB/sandbox/idp
-Dcg.scheduler.initial-delay=PT2S
-Dcg.scheduler.interval=PT2S
-Dcg.policy.refresh-renewal-age=PT3M
-Dsandbox.idp.issuer=http://localhost:$SB/sandbox/idp
-Dsandbox.public-base-url=http://localhost:$SB/sandbox
-Dsandbox.bank.redirect-uris=http://localhost:$A/callback/tatrabanka,http://localhost:$B/callback/tatrabanka
-Dsandbox.nrich.access-token-lifetime=PT40S
-Dcg.policy.access-token-skew=PT5S
OPTS
done

for s in "${SERVERS[@]}"; do "$WLP/bin/server" start "$s" >/dev/null; done
for port in $A $B; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://localhost:$port/health/live" 2>/dev/null && break
    curl -fsS -o /dev/null "http://localhost:$port/sandbox/control/stats" 2>/dev/null && break
    sleep 1
  done
done

if [ -n "${CG_BENCH_HOLD:-}" ]; then
  log "holding: sandbox http://localhost:$SB, nodes http://localhost:$A and http://localhost:$B (Ctrl+C ends)"
  sleep "$CG_BENCH_HOLD"; exit 0
fi
log "checks ($CONSENTS consents)"
java "$ROOT/bench/TwoNodes.java" "http://localhost:$SB" "http://localhost:$A" "http://localhost:$B" "$CONSENTS" \
  "$WLP/usr/servers/$RUN-a/logs/messages.log" "$WLP/usr/servers/$RUN-b/logs/messages.log" \
  "postgresql://$PG_USER:$PG_PASSWORD@localhost:5432/$PG_DB"
