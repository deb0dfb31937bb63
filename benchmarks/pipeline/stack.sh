#!/usr/bin/env bash
# Shared by latency.sh and fault-check.sh: a local stack of its own (UCP_HOME, free loopback ports) for a
# benchmark, started with deploy/local/up.sh and stopped with deploy/local/down.sh.
# The gateway's per-key operator limit is raised for this stack only, through the environment (as
# system-tests' HostileInputIT does), so the limit is not what is measured.

PIPELINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$PIPELINE_DIR/../.." && pwd)"
export UCP_HOME="${UCP_HOME:-/tmp/ucp-pipeline-bench}"
export UCP_SEED=0
export UCP_RATELIMIT_LIMITS_OPERATOR_REQUESTS="${UCP_RATELIMIT_LIMITS_OPERATOR_REQUESTS:-1000000}"
export UCP_RATELIMIT_LIMITS_OPERATOR_BURST="${UCP_RATELIMIT_LIMITS_OPERATOR_BURST:-1000000}"
export PIPELINE_COUNT_FILE="$UCP_HOME/pipeline-partnerships"
PROBE_CMD=(java -Xmx512m "$PIPELINE_DIR/PipelineProbe.java")

pick_ports() {
  local names=(GATEWAY_PORT GATEWAY_MANAGEMENT_PORT PARTNERSHIP_PORT EVENT_PORT MATCHING_PORT KAFKA_PORT
    KAFKA_CONTROLLER_PORT MONGO_PORT IDENTITY_PORT) ports i
  read -r -a ports <<<"$("${PROBE_CMD[@]}" ports "${#names[@]}")"
  for i in "${!names[@]}"; do export "${names[$i]}=${ports[$i]}"; done
  GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
  KEY_FILE="$UCP_HOME/identity/operator-api-key"
}

# A fresh stack: whatever an earlier run left in this UCP_HOME is stopped and its data deleted
# (the downloaded runtimes in lib/ are kept). REUSE=1 keeps the data of an earlier run in this UCP_HOME (and its
# count of partnerships stored), so that a large size is seeded once and measured again later.
stack_up() {
  if [[ "${REUSE:-0}" == 1 && -s "$PIPELINE_COUNT_FILE" ]]; then
    bash "$REPO/deploy/local/down.sh" >/dev/null
    echo "stack: reusing the $(<"$PIPELINE_COUNT_FILE") partnerships stored in $UCP_HOME"
  else
    bash "$REPO/deploy/local/down.sh" --purge >/dev/null
    rm -f "$PIPELINE_COUNT_FILE"
  fi
  # The Mongo launcher is compiled from this checkout's source (up.sh compiles it again only when the source is
  # newer than the class: a class copied from another checkout would silently run that one's commit mode).
  rm -rf "$UCP_HOME/lib/mongo-launcher"
  pick_ports
  mkdir -p "$UCP_HOME"
  echo "stack: UCP_HOME=$UCP_HOME gateway $GATEWAY (log: $UCP_HOME/up.out)"
  bash "$REPO/deploy/local/up.sh" >"$UCP_HOME/up.out" 2>&1 || { tail -n 30 "$UCP_HOME/up.out"; return 1; }
  await_operator_key
  grep -h 'listening' "$UCP_HOME/logs/mongo.log" | tail -n 1
}

# The gateway learns of the operator key from Kafka moments after partnership-service registered it.
await_operator_key() {
  local i status
  for i in $(seq 1 60); do
    status="$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H "X-Api-Key: $(<"$KEY_FILE")" \
      "$GATEWAY/api/v1/partnerships?limit=1")" || status=000
    [[ "$status" == 200 ]] && return 0
    sleep 1
  done
  echo "the operator key is not accepted after 60 s" >&2
  return 1
}

# The Mongo driver's classpath for DirectSeed.java, resolved once (offline, from the local Maven repository).
direct_seed_classpath() {
  local file="$UCP_HOME/lib/direct-seed.classpath"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$UCP_HOME/lib"
    (cd "$REPO" && ./mvnw -B -q -o dependency:build-classpath -pl service-support -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$file") >&2
  fi
  cat "$file"
}

stack_down() {
  bash "$REPO/deploy/local/down.sh" >/dev/null || true
}

machine() {
  echo "machine: nproc $(nproc), CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
    "$(java -version 2>&1 | head -n1), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
}

# "<part> <CPU clock ticks>" for each process of this stack (utime + stime from /proc/<pid>/stat).
stack_cpu() {
  local part pid
  for part in mongo kafka partnership-service event-service matching-service gateway-service identity-provider; do
    pid="$(pgrep -f -- "-Ducp.home=$UCP_HOME -Ducp.part=$part( |$)" | head -n 1)" || continue
    [[ -n "$pid" && -r "/proc/$pid/stat" ]] || continue
    # Fields 14 and 15 count from the ")" that ends the command name, which may contain spaces.
    printf '%s %s\n' "$part" "$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')"
  done
}

# Prints CPU milliseconds per command for each part between two stack_cpu snapshots, and their total.
cpu_per_command() {
  local before="$1" after="$2" commands="$3"
  join <(sort <<<"$before") <(sort <<<"$after") | awk -v tick="$(getconf CLK_TCK)" -v n="$commands" '
    { ms = ($3 - $2) * 1000 / tick; total += ms; line = line sprintf(" %s %.2f", $1, ms / n) }
    END { printf "CPU|ms per command:%s | total %.2f\n", line, total / n }'
}
