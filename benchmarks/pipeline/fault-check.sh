#!/usr/bin/env bash
# Fault check on the local stack (issue 10): under a steady rate of partnership-creation commands through the
# gateway, SIGKILLs in turn the Kafka broker, the Mongo server and each service process of a stack of its own
# (pids in $UCP_HOME/pids), each restarted by deploy/local/up.sh (which starts only what is not running) after it
# stayed dead for DOWN_SECONDS. Then reads every acknowledged partnership back through the API (stored) and
# schedules an event for it in event-service and in matching-service until they answer 201 (applied), and
# reports: sent, acknowledged (201), stored, applied in each, lost (must be 0) and the time to converge.
# Exits 1 if anything acknowledged was lost or not applied. Bounded: the load stops after the last restart
# (at most MAX_SECONDS), the read-back after CONVERGE_SECONDS.
#
# Usage: benchmarks/pipeline/fault-check.sh
# Settings (environment): RATE (20/s), PARTS (kafka mongo partnership-service event-service matching-service
#   gateway-service identity-provider), DOWN_SECONDS (3), MAX_SECONDS (600), CONVERGE_SECONDS (180),
#   UCP_HOME (default /tmp/ucp-pipeline-bench).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

RATE="${RATE:-20}"
PARTS="${PARTS:-kafka mongo partnership-service event-service matching-service gateway-service identity-provider}"
DOWN_SECONDS="${DOWN_SECONDS:-3}"
MAX_SECONDS="${MAX_SECONDS:-600}"
CONVERGE_SECONDS="${CONVERGE_SECONDS:-180}"

trap stack_down EXIT
machine
stack_up
stop_file="$UCP_HOME/stop-load"
rm -f "$stop_file"
"${PROBE_CMD[@]}" fault "$GATEWAY" "$KEY_FILE" "$RATE" "$MAX_SECONDS" "$stop_file" "$CONVERGE_SECONDS" &
load=$!
started=$SECONDS
sleep 10
for part in $PARTS; do
  pid="$(tr -dc '0-9' <"$UCP_HOME/pids/$part.pid")"
  echo "$((SECONDS - started)) s: kill -9 $part (pid $pid) at $(date -u +%FT%T.%NZ)"
  kill -KILL "$pid"
  sleep "$DOWN_SECONDS"
  t=$SECONDS
  bash "$REPO/deploy/local/up.sh" >>"$UCP_HOME/up.out" 2>&1 || { echo "up.sh failed to restart $part"; tail -n 20 "$UCP_HOME/up.out"; }
  echo "$((SECONDS - started)) s: $part restarted and healthy ($((SECONDS - t)) s in up.sh)"
  sleep 5
done
touch "$stop_file"
echo "$((SECONDS - started)) s: load stopped; reading back"
status=0
wait "$load" || status=$?
machine
exit "$status"
