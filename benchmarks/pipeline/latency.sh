#!/usr/bin/env bash
# Command -> read model latency on the local stack (issue 10): for each size, a fresh local stack in its own
# UCP_HOME and free loopback ports, N partnerships stored first (through the API, 16 at a time), then
# partnership-creation commands through the gateway at a fixed open-loop rate for a bounded time, each followed
# by reading how old each event was when the consumers applied it (PROBE=metrics, the default: the histogram
# ucp_events_applied_age_seconds scraped from event-service and matching-service before and after the rate), or by
# a probe request (PROBE=event: an event scheduled for it in event-service, whose 201 proves the read model has it).
# Reports per size and rate: sent, acknowledged, failed, and p50/p95/p99/max of the HTTP latency and of
# command -> read model, and the CPU time each part of the stack spent per command (CPU|... lines: from
# /proc/<pid>/stat, so other load on the machine does not inflate it the way it inflates latencies). The stacks it starts are stopped at the end (also on Ctrl-C).
#
# Usage: benchmarks/pipeline/latency.sh [--full]
#   default: 1,000 stored; 20, 50, 100 commands/s; 20 s each (about 5 minutes with the stack's start)
#   --full:  1,000, 10,000, 100,000 stored; 20, 50, 100, 200 commands/s
# Storing: the first 1,000 partnerships through the API; beyond that, copies of one of them written straight into
# every collection that holds it (DirectSeed.java: partnership-service's aggregate and each consumer's read model).
# Settings (environment): SIZES, RATES, DURATION (seconds per rate), PROBE (metrics | event),
#   UCP_HOME (default /tmp/ucp-pipeline-bench), REUSE=1 (keep what an earlier run stored in that UCP_HOME: seed a
#   large size once, e.g. RATES=20 with nothing else running, and measure it again later; one size per UCP_HOME).
# The partnerships made by each rate stay stored: the stored count grows through a size's rates (printed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

SIZES="${SIZES:-1000}"
RATES="${RATES:-20 50 100}"
SECONDS_PER_RATE="${DURATION:-20}"
if [[ "${1:-}" == --full ]]; then
  SIZES="1000 10000 100000"
  RATES="20 50 100 200"
fi

trap stack_down EXIT
machine
for size in $SIZES; do
  stack_up
  # The first 1,000 through the API (which also warms the stack up); the rest as copies of one of them.
  api=$((size < 1000 ? size : 1000))
  seeded="$("${PROBE_CMD[@]}" seed "$GATEWAY" "$KEY_FILE" "$api")"
  printf '%s\n' "$seeded" | grep -v '^TEMPLATE|'
  stored="$(<"$PIPELINE_COUNT_FILE")"
  if ((size > stored)); then
    template="$(printf '%s\n' "$seeded" | sed -n 's/^TEMPLATE|//p')"
    [[ -n "$template" ]] || { echo "no template partnership to copy" >&2; exit 1; }
    java -Xmx512m -cp "$(direct_seed_classpath)" "$PIPELINE_DIR/DirectSeed.java" \
      "mongodb://127.0.0.1:$MONGO_PORT" "$template" "$((size - stored))"
    echo "$size" >"$PIPELINE_COUNT_FILE"
  fi
  for rate in $RATES; do
    echo "--- $(<"$PIPELINE_COUNT_FILE") partnerships stored; $rate commands/s for $SECONDS_PER_RATE s"
    cpu_before="$(stack_cpu)"
    timeout 400 "${PROBE_CMD[@]}" latency "$GATEWAY" "$KEY_FILE" "$rate" "$SECONDS_PER_RATE" | sed "s/^RESULT|/RESULT|$size|/"
    cpu_per_command "$cpu_before" "$(stack_cpu)" "$((rate * SECONDS_PER_RATE))"
    sleep 3
  done
done
machine
