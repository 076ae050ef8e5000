#!/usr/bin/env bash
# Does a slow provider starve the rest of the gateway? Against a running gateway with the sandbox (the README's run
# command, or BASE=...): 64 connections read accounts from a provider made 2 s slow, while 4 connections list the
# user's consents (no provider call). Prints both latency distributions, then the list alone for comparison.
#
#   bench/isolation.sh            (needs wrk: apt-get install -y wrk)
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
DURATION=${DURATION:-20s}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

TOKEN=$(curl -fsS -d "user=isolation-$$" "$BASE/sandbox/idp/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $TOKEN")
flow=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d '{"kind":"ONGOING_ACCESS"}' "$BASE/api/v1/flows")
widget=$(printf '%s' "$flow" | sed 's/.*"widgetUrl":"\([^"]*\)".*/\1/')
bank=$(curl -fsS "$widget" | grep -o 'name="bank"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
callback=$(curl -fsS -o /dev/null -w '%{redirect_url}' --data-urlencode "action=approve" --data-urlencode "bank=$bank" "$widget")
curl -fsS -o /dev/null "$callback"
consent=$(curl -fsS "${auth[@]}" "$BASE/api/v1/consents" | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "consent $consent"

echo "== the consent list alone (4 connections, $DURATION)"
wrk -t2 -c4 -d"$DURATION" --latency "${auth[@]}" "$BASE/api/v1/consents" | grep -E "Requests/sec|50%|99%|Non-2xx|Latency "

curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d '{"provider":"nrich","path":"/rest/accounts","latencyMs":2000,"rate":1.0}' "$BASE/sandbox/control/faults"
trap 'curl -fsS -o /dev/null -X DELETE "$BASE/sandbox/control/faults" || true' EXIT
echo "== during: 64 connections read accounts from a 2 s provider, and 4 list the consents ($DURATION)"
wrk -t2 -c64 -d"$DURATION" --timeout 30s --latency "${auth[@]}" "$BASE/api/v1/consents/$consent/accounts" > /tmp/isolation-slow.txt &
slow=$!
sleep 2
wrk -t2 -c4 -d"$DURATION" --latency "${auth[@]}" "$BASE/api/v1/consents" | grep -E "Requests/sec|50%|99%|Non-2xx|Latency "
wait $slow
echo "-- the slow reads:"
grep -E "Requests/sec|50%|99%|Non-2xx|Latency |timeout" /tmp/isolation-slow.txt
