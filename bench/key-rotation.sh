#!/usr/bin/env bash
# A key rotation from end to end, on PostgreSQL (docs/operations/database.md, "Rotate keys"): a gateway node (with the
# sandbox beside it, as in the demo) encrypts under key `old` while users connect and their accounts and transactions
# are stored; it restarts with `new` current and both keys in the ring, and its background run writes every stored
# secret under `new`; a SQL check finds no value left under `old`; it restarts with `new` alone, and every user's
# consents, accounts and transactions read 200, with no unreadable row in the log.
#
#   bench/key-rotation.sh [USERS]        (default 20)
#
# Needs what bench/lib.sh needs (a built tree, PostgreSQL). Prints the values moved per column and how long the run
# took; exits non-zero at the first check that fails. Leaves the server's logs in target/bench/key-rotation/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_init key-rotation
USERS=${1:-20}

A=$(free_port)
GW="http://localhost:$A"
bench_database
secret() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
OLD=$(secret); NEW=$(secret)
WITH_SANDBOX=1 assemble_gateway node "$A" "$GW" -Dsandbox.idp.issuer="$GW/sandbox/idp" \
  -Dsandbox.public-base-url="$GW/sandbox" -Dsandbox.bank.redirect-uris="$GW/callback/tatrabanka"
options="$(server_dir node)/jvm.options"
cp "$options" "$OUT/node.jvm.base"

# with_keys CURRENT KEYS: the node's key ring for its next start
with_keys() { { cat "$OUT/node.jvm.base"; echo "-Dcg.crypto.current-key-id=$1"; echo "-Dcg.crypto.keys=$2"; } > "$options"; }
restart() {
  "$WLP/bin/server" stop "$RUN-node" >/dev/null 2>&1 || true
  start_server node
  wait_up "$GW/health/ready"
  curl -fsS "$GW/health/live" | grep -q '"instance":"node"' || { echo "another server answers on $A" >&2; exit 1; }
}
token() { curl -fsS -d "user=$1" "$GW/sandbox/idp/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
fail() { echo "FAILED: $*" >&2; exit 1; }

log "the node encrypts under key 'old'; $USERS users connect"
with_keys old "old:$OLD"
restart
for i in $(seq 1 "$USERS"); do
  t=$(token "rotation-$i")
  widget=$(curl -fsS -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -d '{"kind":"ONGOING_ACCESS"}' \
    "$GW/api/v1/flows" | sed 's/.*"widgetUrl":"\([^"]*\)".*/\1/')
  callback=$(curl -sS -o /dev/null -w '%{redirect_url}' -d 'action=approve&bank=Spreebank Berlin' "$widget")
  outcome=$(curl -sS -o /dev/null -w '%{redirect_url}' "$callback")
  case "$outcome" in *outcome=COMPLETED*) ;; *) fail "user $i did not connect: $outcome";; esac
done
count_under() {
  psql_bench -c "SELECT (SELECT count(*) FROM consents WHERE access_token_enc LIKE 'v1.$1.%' OR refresh_token_enc LIKE 'v1.$1.%')
    + (SELECT count(*) FROM flows WHERE state_enc LIKE 'v1.$1.%' OR pkce_verifier_enc LIKE 'v1.$1.%'
                                     OR code_enc LIKE 'v1.$1.%' OR confirmation_enc LIKE 'v1.$1.%')
    + (SELECT count(*) FROM consent_data WHERE income_report_enc LIKE 'v1.$1.%')
    + (SELECT count(*) FROM stored_accounts WHERE payload_enc LIKE 'v1.$1.%')
    + (SELECT count(*) FROM stored_transactions WHERE payload_enc LIKE 'v1.$1.%')"
}
for _ in $(seq 1 60); do   # the first syncs run beside the callbacks' redirects
  [ "$(psql_bench -c "SELECT count(*) FROM consent_data WHERE synced_at IS NOT NULL")" -ge "$USERS" ] && break
  sleep 1
done
echo "rows under 'old': $(count_under old)"

log "restart with 'new' current and both keys in the ring"
with_keys new "old:$OLD,new:$NEW"
restart
messages=$(server_log node)
for _ in $(seq 1 180); do grep -q 'Key rotation done' "$messages" && break; sleep 1; done
grep -q 'Key rotation done' "$messages" || fail "no 'Key rotation done' in the log after 180 s"
grep -E 'older keys|Key rotation done' "$messages" | sed 's/^\[[^]]*\] [0-9a-f]* //; s/io.consentgateway.bootstrap.KeyRotationRun *[A-Z] //'
stamp() { grep -m1 "$1" "$messages" | sed 's/^\[\([^]]*\)\].*/\1/'; }
echo "announced at $(stamp 'older keys'), done at $(stamp 'Key rotation done') (the run starts 10 s after the announcement)"
left=$(count_under old)
echo "rows under 'old' after the run: $left; under 'new': $(count_under new)"
[ "$left" = 0 ] || fail "$left value(s) still under 'old'"

log "restart with 'new' alone: every user's data reads"
with_keys new "new:$NEW"
restart
for i in $(seq 1 "$USERS"); do
  t=$(token "rotation-$i")
  consent=$(curl -fsS -H "Authorization: Bearer $t" "$GW/api/v1/consents" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  for path in "" /accounts "/transactions?limit=500"; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$GW/api/v1/consents/$consent$path")
    [ "$code" = 200 ] || fail "user $i: /api/v1/consents/$consent$path answered $code"
  done
done
echo "$USERS users: consent, accounts and transactions 200 with key 'new' alone"
! grep -qE 'unreadable|StoredSecretUnreadable' "$(server_log node)" || fail "an unreadable row in the log"
echo "key rotation: every stored secret moved to the new key, and the old key left the ring without a row lost"
