# Shared by the bench/ scripts: builds what is missing, creates a throw-away PostgreSQL database, assembles Liberty
# servers (gateway nodes, a sandbox of its own) on free ports in the build's Liberty, and removes all of it on exit.
# Source it from a script that has `set -euo pipefail`; then call bench_init NAME.
#
# PostgreSQL: localhost:5432 with a login role (CG_BENCH_PG_USER / CG_BENCH_PG_PASSWORD, default the ones .ci/run
# prepares). The database is created as the postgres superuser where the script runs as root (CI), else as the role,
# which then needs CREATEDB.

bench_init() {
  BENCH_NAME=$1
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  ROOT=$(pwd)
  PG_USER=${CG_BENCH_PG_USER:-cg_test}
  PG_PASSWORD=${CG_BENCH_PG_PASSWORD:-cg_test}
  PG_DB=cg_bench_$$
  OUT="$ROOT/target/bench/$BENCH_NAME"
  RUN="bench-$$"
  BENCH_SERVERS=()
  BENCH_EXTRA_DBS=()
  BENCH_JARS=()
  mkdir -p "$OUT"
  [ -f bootstrap/target/consent-gateway.war ] && [ -f sandbox/target/sandbox.war ] || ./mvnw -B -q -DskipTests package
  WLP="$ROOT/bootstrap/target/liberty/wlp"
  [ -x "$WLP/bin/server" ] || ./mvnw -B -q -pl bootstrap liberty:create
  PG_JAR=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
  H2_VERSION=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
  H2_JAR="$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar"
  trap bench_cleanup EXIT
}

log() { printf '\n== %s\n' "$*"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pg_admin() {
  if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then runuser -u postgres -- psql -qAt "$@"
  else PGPASSWORD="$PG_PASSWORD" psql -h localhost -U "$PG_USER" -d postgres -qAt "$@"; fi
}

# psql as the run's role on the run's database: psql_bench -c "SELECT ..."
psql_bench() { PGPASSWORD="$PG_PASSWORD" psql -h localhost -U "$PG_USER" -d "$PG_DB" -qAt "$@"; }

bench_database() {
  log "PostgreSQL database $PG_DB"
  pg_admin -c "CREATE DATABASE $PG_DB OWNER $PG_USER" >/dev/null
  BENCH_DB_CREATED=1
}

# bench_extra_database NAME: one more throw-away database for the run's role, dropped on exit
bench_extra_database() {
  pg_admin -c "CREATE DATABASE $1 OWNER $PG_USER" >/dev/null
  BENCH_EXTRA_DBS+=("$1")
}

server_dir() { echo "$WLP/usr/servers/$RUN-$1"; }

# the JDBC URL of a gateway's H2 database (GATEWAY_H2), as its server opens it (bootstrap/src/main/liberty/config/db/h2.xml)
h2_url() { echo "jdbc:h2:file:$1;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"; }

# assemble_sandbox NAME PORT GATEWAY_CALLBACK_URLS [JVM_OPTION...]: the sandbox alone, in a server of its own.
assemble_sandbox() {
  local name=$1 port=$2 callbacks=$3; shift 3
  local dir; dir=$(server_dir "$name")
  mkdir -p "$dir/apps"
  cp sandbox/src/main/liberty/config/server.xml "$dir/server.xml"
  cp sandbox/target/sandbox.war "$dir/apps/sandbox.war"
  printf 'http.port=%s\nhttps.port=%s\n' "$port" "$(free_port)" > "$dir/bootstrap.properties"
  {
    echo "-Dsandbox.instance-id=$RUN-$name"
    echo "-Dsandbox.idp.issuer=http://localhost:$port/sandbox/idp"
    echo "-Dsandbox.public-base-url=http://localhost:$port/sandbox"
    echo "-Dsandbox.bank.redirect-uris=$callbacks"
    for option in "$@"; do echo "$option"; done
  } > "$dir/jvm.options"
  BENCH_SERVERS+=("$name")
}

# assemble_gateway NAME PORT SANDBOX_BASE_URL [JVM_OPTION...]: a complete gateway on the run's PostgreSQL database,
# calling the sandbox at SANDBOX_BASE_URL over HTTP. With WITH_SANDBOX=1 the sandbox is deployed beside it (the demo's
# arrangement; then SANDBOX_BASE_URL is the node's own address). With GATEWAY_H2=PATH it uses an H2 file database at
# PATH instead, opened with AUTO_SERVER so that the bench can reach it while the gateway holds it (h2_url PATH).
assemble_gateway() {
  local name=$1 port=$2 sandbox=$3; shift 3
  local dir; dir=$(server_dir "$name")
  mkdir -p "$dir/apps" "$dir/lib/jdbc" "$dir/deploy"
  cp bootstrap/src/main/liberty/config/server.xml "$dir/server.xml"
  cp -r bootstrap/src/main/liberty/config/db "$dir/db"
  if [ "${WITH_SANDBOX:-0}" = 1 ]; then
    cp bootstrap/src/main/liberty/config/deploy/demo.xml "$dir/deploy/bench.xml"
    cp sandbox/target/sandbox.war "$dir/apps/sandbox.war"
  else
    printf '<server>\n  <variable name="cg.deployment" value="demo"/>\n</server>\n' > "$dir/deploy/bench.xml"
  fi
  cp bootstrap/target/consent-gateway.war "$dir/apps/consent-gateway.war"
  cp "$PG_JAR" "$dir/lib/jdbc/postgresql.jar"
  if [ -n "${GATEWAY_H2:-}" ]; then
    cp "$H2_JAR" "$dir/lib/jdbc/h2.jar"
    printf 'http.port=%s\nhttps.port=%s\ncg.db.kind=h2\ncg.db.h2.path=%s;AUTO_SERVER=TRUE\ncg.deploy=bench\n' \
      "$port" "$(free_port)" "$GATEWAY_H2" > "$dir/bootstrap.properties"
  else
    printf 'http.port=%s\nhttps.port=%s\ncg.db.kind=postgresql\ncg.deploy=bench\n' "$port" "$(free_port)" > "$dir/bootstrap.properties"
  fi
  # keystore_password: Liberty creates its default keystore only with one, and MicroProfile JWT needs it to verify tokens
  cat > "$dir/server.env" <<ENV
keystore_password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')
CG_DB_URL=jdbc:postgresql://localhost:5432/$PG_DB
CG_DB_USER=$PG_USER
CG_DB_PASSWORD=$PG_PASSWORD
ENV
  {
    echo "-Dcg.instance-id=$name"
    echo "-Dcg.public-base-url=http://localhost:$port"
    echo "-Dcg.return-to.allowed=http://localhost:$port/"
    echo "-Dcg.return-to.default=http://localhost:$port/"
    echo "-Dcg.nrich.base-url=$sandbox/sandbox/nrich"
    echo "-Dcg.tatrabanka.base-url=$sandbox/sandbox/bank"
    echo "-Dmp.jwt.verify.publickey.location=$sandbox/sandbox/idp/jwks"
    echo "-Dmp.jwt.verify.issuer=$sandbox/sandbox/idp"
    echo "-Dcg.webhooks.endpoint.sandbox.url=$sandbox/sandbox/webhooks"
    # A bench drives hundreds of flows through one user, and a killed node strands some waiting: no cap on them here.
    echo "-Dcg.flows.max-waiting-per-user=100000"
    for option in "$@"; do echo "$option"; done
  } > "$dir/jvm.options"
  BENCH_SERVERS+=("$name")
}

start_server() { "$WLP/bin/server" start "$RUN-$1" >/dev/null; }

# package_runnable NAME: packages the assembled server NAME into one executable jar, $OUT/NAME.jar (Liberty's runtime
# included, docs/operations/deploy.md §3). Package a server before it ever runs: one that ran carries its work area,
# logs and expanded applications into the jar. The server's jvm.options stay out of the jar (a jar holding them starts
# a second JVM to apply them): start_runnable gives them to `java` itself.
package_runnable() {
  local dir; dir=$(server_dir "$1")
  [ ! -f "$dir/jvm.options" ] || mv "$dir/jvm.options" "$OUT/$1.jvm.options"
  "$WLP/bin/server" package "$RUN-$1" --archive="$OUT/$1.jar" --include=runnable >/dev/null
  echo "$1: a runnable jar of $(du -m "$OUT/$1.jar" | cut -f1) MB"
}

# start_runnable NAME [VAR=VALUE...]: `java -jar` on NAME's packaged jar, the way a platform without a Liberty
# installation runs it: the server's JVM options on the command line, its server.env and the given variables in the
# environment. The jar unpacks its runtime under $OUT/NAME-jar; server_log NAME finds the server's log there.
start_runnable() {
  local name=$1; shift
  local dir; dir=$(server_dir "$name")
  local options=() variables=()
  [ ! -f "$OUT/$name.jvm.options" ] || mapfile -t options < "$OUT/$name.jvm.options"
  [ ! -f "$dir/server.env" ] || mapfile -t variables < "$dir/server.env"
  env WLP_JAR_EXTRACT_ROOT="$OUT/$name-jar" "${variables[@]}" "$@" \
    java "${options[@]}" -jar "$OUT/$name.jar" > "$OUT/$name.console.log" 2>&1 &
  BENCH_JARS+=("$name:$!")
}

# wait_up URL [SECONDS]: until URL answers 2xx
wait_up() {
  local url=$1 seconds=${2:-120}
  for _ in $(seq 1 "$seconds"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  echo "not up after ${seconds}s: $url" >&2
  return 1
}

# start_timed NAME URL: starts a server and prints the milliseconds until URL answers 2xx (checked every 0.1 s)
start_timed() {
  local started; started=$(date +%s%N)
  start_server "$1"
  until curl -fsS -o /dev/null "$2" 2>/dev/null; do
    [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 180 ] || { echo "$1 not ready after 180 s" >&2; return 1; }
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
}

# the process id of a started server (for kill -9)
server_pid() { cat "$WLP/usr/servers/.pid/$RUN-$1.pid" 2>/dev/null; }

server_log() {
  if [ -d "$OUT/$1-jar" ]; then find "$OUT/$1-jar" -path "*/servers/$RUN-$1/logs/messages.log" | head -1
  else echo "$(server_dir "$1")/logs/messages.log"; fi
}

bench_cleanup() {
  local s j
  for j in "${BENCH_JARS[@]}"; do kill "${j#*:}" 2>/dev/null || true; wait "${j#*:}" 2>/dev/null || true; done
  for s in "${BENCH_SERVERS[@]}"; do "$WLP/bin/server" stop "$RUN-$s" >/dev/null 2>&1 || true; done
  for s in "${BENCH_SERVERS[@]}"; do
    [ -f "$(server_log "$s")" ] && cp "$(server_log "$s")" "$OUT/$s.log" 2>/dev/null || true
    rm -rf "$(server_dir "$s")" "$OUT/$s-jar" "$OUT/$s.jar" "$OUT/$s.jvm.options"
  done
  [ -z "${BENCH_DB_CREATED:-}" ] || pg_admin -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
  for s in "${BENCH_EXTRA_DBS[@]}"; do pg_admin -c "DROP DATABASE IF EXISTS $s" >/dev/null 2>&1 || true; done
  [ -z "${BENCH_H2_DIR:-}" ] || rm -rf "$BENCH_H2_DIR"
}

# bench_java CLASS [ARG...]: compiles bench/java/ (JDK only) and runs one of its checks; BENCH_CLASSPATH adds jars
# that a check loads at run time (the PostgreSQL driver)
bench_java() {
  local classes="$ROOT/target/bench/classes"
  mkdir -p "$classes"
  javac -d "$classes" "$ROOT"/bench/java/*.java
  java -cp "$classes${BENCH_CLASSPATH:+:$BENCH_CLASSPATH}" "$@"
}
