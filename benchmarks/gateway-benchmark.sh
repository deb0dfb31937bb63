#!/usr/bin/env bash
# The gateway benchmark: what gateway-service costs in throughput and latency, measured with wrk on
# loopback in one run. Targets, each against a backend that answers at once and one that answers after
# 20 ms (benchmarks/backend/DelayBackend.java):
#   direct        the backend called directly
#   bare          plain Spring Cloud Gateway: the gateway jar's own libraries, none of gateway-service's
#                 code, two routes without filters, metrics off (benchmarks/bare-gateway/)
#   ours-minimal  the gateway-service jar with everything configuration can switch off switched off
#                 (profile "bare": no route filters, no rate limit, metrics off), called anonymously
#   ours-anonymous  the "ours" process below called without a key: everything of "ours" except the API
#                 key check and the signed identity (the anonymous limit is raised so that it never refuses)
#   ours          the gateway-service jar as configured for production (application.yml): API key
#                 authentication (one key, published on access.api-key in a throw-away Kafka broker),
#                 the signed identity forwarded, rate limit (in memory) and metrics on, circuit breaker
#                 and retry route filters
# and prints a Markdown table: requests/s, p50, p99, ratios and the latency added by the gateways.
#
# Usage: benchmarks/gateway-benchmark.sh          (about 20 minutes; needs a JDK 17+, wrk, curl)
# Settings (environment):
#   WRK_THREADS (2), WRK_CONNECTIONS (64), WRK_DURATION (12s), WRK_WARMUP (10s): wrk -t -c -d; each
#       target is warmed up with the same wrk command for WRK_WARMUP before its first measured run, and
#       for WRK_ROUND_WARMUP (3s) before each later one (a new wrk opens new connections: not measured)
#   BENCH_ROUNDS (5): each target is measured this many times per backend, the targets taking turns
#       (round 1: direct, bare, ..., ours; round 2: the same again; ...); the report gives the median of
#       the rounds and every round's requests/s, so that a slow minute of the machine or of one JVM
#       does not decide a ratio on its own
#   WRK_JIT_WARMUP (60s): before the first measurement, each gateway process gets this much load so that
#       the JIT has compiled its hot paths (on 2 busy cores that takes a minute); the "ours" process gets
#       the mix it is measured with: half of the connections with the key, half without (ours-anonymous)
#   BENCH_MAX_OTHER_CPU (0.25): a measurement during which other processes used more CPU (cores) is
#       flagged as disturbed in the report
#   BENCH_DELAYS ("0 20"): backend delays in ms (one backend process each)
#   BENCH_TARGETS ("direct bare ours-minimal ours-anonymous ours")
#   BENCH_GATEWAY_JAVA_OPTS ("-Xmx512m"): the JVM flags of all three gateways (JDK default GC)
#   BENCH_OURS_EXTRA_JAVA_OPTS (none): added for "ours" only, e.g. for a profile:
#       -XX:StartFlightRecording=filename=/tmp/ours.jfr,settings=profile (not for the reported figures)
#   BENCH_BARE_EXTRA_JAVA_OPTS (none): the same for "bare", to compare its profile with ours
#   BENCH_BACKEND_JAVA_OPTS ("-Xmx256m")
#   BENCH_REBUILD (auto): build the gateway jar (./mvnw -q -B -pl gateway-service -am package -DskipTests)
#       when it is missing or older than a source file of gateway-service or event-contracts or a pom;
#       1: always, 0: never (measure the jar as it is)
#   BENCH_WAIT_IDLE (none), e.g. 0.15: before starting anything, wait (at most 30 minutes) until the
#       machine has used less than this many cores in each of three 10 s windows; for a machine shared
#       with builds (the load average is no help: the run's own threads keep it at 3-4)
#   BENCH_PORT_BASE (28000): ports BASE+1.. backends, BASE+10..12 gateways, BASE+17 Mongo,
#       BASE+92/93 Kafka (all on 127.0.0.1; the run stops at once if one is taken)
#   BENCH_WORK (${TMPDIR:-/tmp}/ucp-gateway-benchmark): logs, keys, the extracted jar; the Kafka and
#       Mongo runtimes stay cached in $BENCH_WORK/ucp-home/lib between runs
# Every process it starts is stopped on exit (also on Ctrl-C or an error); the Kafka broker is started
# and stopped with deploy/local/up.sh --infra-only / down.sh --purge in its own UCP_HOME.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"

WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-64}"
WRK_DURATION="${WRK_DURATION:-12s}"
ROUNDS="${BENCH_ROUNDS:-5}"
WRK_WARMUP="${WRK_WARMUP:-10s}"
WRK_ROUND_WARMUP="${WRK_ROUND_WARMUP:-3s}"
WRK_JIT_WARMUP="${WRK_JIT_WARMUP:-60s}"
MAX_OTHER_CPU="${BENCH_MAX_OTHER_CPU:-0.25}"
read -r -a DELAYS <<<"${BENCH_DELAYS:-0 20}"
read -r -a TARGETS <<<"${BENCH_TARGETS:-direct bare ours-minimal ours-anonymous ours}"
GATEWAY_JAVA_OPTS="${BENCH_GATEWAY_JAVA_OPTS:--Xmx512m}"
BACKEND_JAVA_OPTS="${BENCH_BACKEND_JAVA_OPTS:--Xmx256m}"
OURS_EXTRA_JAVA_OPTS="${BENCH_OURS_EXTRA_JAVA_OPTS:-}"
BARE_EXTRA_JAVA_OPTS="${BENCH_BARE_EXTRA_JAVA_OPTS:-}"
WAIT_IDLE="${BENCH_WAIT_IDLE:-}"
REBUILD="${BENCH_REBUILD:-auto}"
PORT_BASE="${BENCH_PORT_BASE:-28000}"
WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/ucp-gateway-benchmark}"
STARTUP_TIMEOUT=180 # seconds per process

BARE_PORT=$((PORT_BASE + 10))
MINIMAL_PORT=$((PORT_BASE + 11))
OURS_PORT=$((PORT_BASE + 12))
MONGO_PORT=$((PORT_BASE + 17))
KAFKA_PORT=$((PORT_BASE + 92))
KAFKA_CONTROLLER_PORT=$((PORT_BASE + 93))
UCP_HOME="$WORK/ucp-home"
BUILT_JAR="$REPO/gateway-service/target/gateway-service.jar"
# The run uses a copy: a build running meanwhile may replace the jar under target/.
GATEWAY_JAR="$WORK/gateway-service.jar"
# The same resource through every target; the instant backend behind the partnerships route, the
# delayed one behind the events route (both have the same filters in gateway-service).
RESOURCE_ID="6f1c2a4e-8b3d-4c5e-9f70-a1b2c3d4e5f6"

info() { printf '%s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

# --- processes ----------------------------------------------------------------------------------

declare -A PIDS=() # name -> pid of every process this script started itself
KAFKA_STARTED=0

cleanup() {
  local status=$? name pid i
  trap - EXIT INT TERM
  for name in "${!PIDS[@]}"; do
    kill -TERM "${PIDS[$name]}" 2>/dev/null || true
  done
  for name in "${!PIDS[@]}"; do
    pid="${PIDS[$name]}"
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if ((KAFKA_STARTED)); then
    UCP_HOME="$UCP_HOME" KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" \
      MONGO_PORT="$MONGO_PORT" "$REPO/deploy/local/down.sh" --purge >"$WORK/logs/down.log" 2>&1 ||
      info "WARNING: deploy/local/down.sh failed, see $WORK/logs/down.log"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME LOGFILE COMMAND... : in the background, its pid remembered for the cleanup.
start() {
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 </dev/null &
  PIDS[$name]=$!
}

# wait_for NAME URL: until URL answers 200 (for the readiness probes: {"status":"UP"}).
wait_for() {
  local name="$1" url="$2" waited=0
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    kill -0 "${PIDS[$name]}" 2>/dev/null || {
      tail -n 30 "$WORK/logs/$name.log" >&2
      die "$name exited while starting (log: $WORK/logs/$name.log)"
    }
    ((waited++ < STARTUP_TIMEOUT * 2)) || die "$name did not answer $url within $STARTUP_TIMEOUT s"
    sleep 0.5
  done
}

# --- measuring ----------------------------------------------------------------------------------

CLK_TCK="$(getconf CLK_TCK)"
# CPU ticks (user + system) a process has used so far.
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Busy and total ticks of the whole machine.
machine_ticks() { awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total }' /proc/stat; }
# Seconds of CPU the finished children of this shell (here: wrk) have used so far. `times` runs in this
# shell (a subshell would only see its own children), its output is parsed afterwards.
children_cpu_seconds() {
  awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$WORK/times.txt"
}

ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.3f", a / b }'; }

# wrk's latency figure (e.g. 850.00us, 21.15ms, 1.20s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else print "NaN" }'
}

# Per round ("TARGET/DELAY/ROUND"), then the medians over the rounds ("TARGET/DELAY").
declare -A RPS=() P50=() P99=() ERRORS=() CPU=() GW_MICROS=() ROUND_RPS=()

# measure TARGET DELAY ROUND URL [LUA] : a warm-up run (WRK_WARMUP in round 1, WRK_ROUND_WARMUP later),
# then the measured run; results into the arrays above.
measure() {
  local target="$1" delay="$2" round="$3" url="$4" lua="${5:-}" key="$1/$2/$3" out="$WORK/logs/wrk-$1-$2ms-round$3.txt"
  local -a script=()
  [[ -z "$lua" ]] || script=(-s "$lua")
  local backend_pid="${PIDS[backend-$delay]}" gateway_pid=""
  [[ "$target" == direct ]] || gateway_pid="${PIDS[${target%-anonymous}]}"

  local warmup="$WRK_ROUND_WARMUP"
  ((round > 1)) || warmup="$WRK_WARMUP"
  info "  $target, ${delay} ms backend, round $round: warm-up $warmup, then $WRK_DURATION ..."
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$warmup" "${script[@]}" "$url" >"$WORK/logs/warmup-$target-${delay}ms-round$round.txt"

  local m0 b0 g0 w0 m1 b1 g1 w1
  read -r -a m0 <<<"$(machine_ticks)"
  b0="$(proc_ticks "$backend_pid")"
  g0=0
  [[ -z "$gateway_pid" ]] || g0="$(proc_ticks "$gateway_pid")"
  times >"$WORK/times.txt"
  w0="$(children_cpu_seconds)"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "${script[@]}" "$url" >"$out"
  times >"$WORK/times.txt"
  w1="$(children_cpu_seconds)"
  read -r -a m1 <<<"$(machine_ticks)"
  b1="$(proc_ticks "$backend_pid")"
  g1=0
  [[ -z "$gateway_pid" ]] || g1="$(proc_ticks "$gateway_pid")"

  RPS[$key]="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  P50[$key]="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  P99[$key]="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  # Any answer but 2xx/3xx, or a socket error, makes the figure worthless: it is shown in the table.
  ERRORS[$key]="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")"
  # CPU in cores (CPU seconds per wall second) while measuring: wrk, the gateway, the backend, and
  # everything else on the machine (other people's builds, Kafka, the idle gateways).
  local seconds
  seconds="$(awk -v t0="${m0[1]}" -v t1="${m1[1]}" -v n="$(nproc)" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", (t1 - t0) / n / hz }')"
  CPU[$key]="$(awk -v s="$seconds" -v hz="$CLK_TCK" -v mb="$((m1[0] - m0[0]))" -v w="$(awk -v a="$w0" -v b="$w1" 'BEGIN { print b - a }')" \
    -v g="$((g1 - g0))" -v b="$((b1 - b0))" 'BEGIN {
      wrk = w / s; gw = g / hz / s; be = b / hz / s; all = mb / hz / s; other = all - wrk - gw - be
      printf "%.2f %.2f %.2f %.2f %.2f", all, wrk, gw, be, (other < 0 ? 0 : other) }')"
  local -a c
  read -r -a c <<<"${CPU[$key]}"
  GW_MICROS[$key]="$(micros_per_request "$target" "${c[2]}" "${RPS[$key]}")"
  info "    $(printf '%9s req/s  p50 %7s ms  p99 %7s ms  errors %s  cpu(all wrk gw backend other) %s' \
    "${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" "${ERRORS[$key]}" "${CPU[$key]}")"
}

# CPU time the gateway spent per request in µs: its cores divided by the requests per second.
micros_per_request() {
  if [[ "$1" == direct ]]; then echo -; else awk -v c="$2" -v r="$3" 'BEGIN { printf "%.0f", c / r * 1e6 }'; fi
}

# median FORMAT VALUES... : the middle value (the mean of the two middle ones for an even count) in the
# printf FORMAT; "-" stays "-".
median() {
  local format="$1"
  shift
  [[ "$1" != - ]] || { echo -; return; }
  printf '%s\n' "$@" | sort -g | awk -v f="$format" '{ v[NR] = $1 }
    END { printf f "\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# summarise TARGET DELAY : the medians of its rounds (each figure on its own) into "TARGET/DELAY".
summarise() {
  local k="$1/$2" r
  local -a rps=() p50=() p99=() micros=() all=() wrk=() gw=() be=() other=() c
  local errors=0
  for ((r = 1; r <= ROUNDS; r++)); do
    rps+=("${RPS[$k/$r]}")
    p50+=("${P50[$k/$r]}")
    p99+=("${P99[$k/$r]}")
    micros+=("${GW_MICROS[$k/$r]}")
    errors=$((errors + ${ERRORS[$k/$r]}))
    read -r -a c <<<"${CPU[$k/$r]}"
    all+=("${c[0]}") wrk+=("${c[1]}") gw+=("${c[2]}") be+=("${c[3]}") other+=("${c[4]}")
  done
  RPS[$k]="$(median %.2f "${rps[@]}")"
  P50[$k]="$(median %.2f "${p50[@]}")"
  P99[$k]="$(median %.2f "${p99[@]}")"
  GW_MICROS[$k]="$(median %.0f "${micros[@]}")"
  ERRORS[$k]="$errors"
  CPU[$k]="$(median %.2f "${all[@]}") $(median %.2f "${wrk[@]}") $(median %.2f "${gw[@]}") $(median %.2f "${be[@]}") $(printf '%s\n' "${other[@]}" | sort -g | tail -n 1)"
  ROUND_RPS[$k]="$(printf '%.0f, ' "${rps[@]}")"
  ROUND_RPS[$k]="${ROUND_RPS[$k]%, }"
}

# round_ratios A B DELAY : A's requests/s over B's, round by round (measured minutes apart at most).
round_ratios() {
  local r out=""
  for ((r = 1; r <= ROUNDS; r++)); do
    out+="$(ratio "${RPS[$1/$3/$r]}" "${RPS[$2/$3/$r]}"), "
  done
  echo "${out%, }"
}

# --- preparation --------------------------------------------------------------------------------

command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is needed"
command -v "$JAVA" >/dev/null || die "no java found (JDK 17+; or set JAVA_HOME)"
command -v "$JAVAC" >/dev/null || die "no javac found: a JDK, not a JRE, is needed"

if [[ -n "$WAIT_IDLE" ]]; then
  quiet=0
  for ((i = 0; i < 180 && quiet < 3; i++)); do
    read -r -a m0 <<<"$(machine_ticks)"
    sleep 10
    read -r -a m1 <<<"$(machine_ticks)"
    busy="$(awk -v b="$((m1[0] - m0[0]))" -v t="$((m1[1] - m0[1]))" -v n="$(nproc)" 'BEGIN { printf "%.2f", n * b / t }')"
    if awk -v b="$busy" -v max="$WAIT_IDLE" 'BEGIN { exit !(b < max) }'; then
      quiet=$((quiet + 1))
    else
      quiet=0
      ((i % 6)) || info "Waiting for an idle machine: $busy cores busy (BENCH_WAIT_IDLE=$WAIT_IDLE) ..."
    fi
  done
  ((quiet >= 3)) || info "WARNING: the machine did not become idle within 30 minutes; measuring anyway"
fi

mkdir -p "$WORK/logs" "$WORK/keys"
rm -f "$WORK"/logs/*.txt "$WORK"/logs/*.log

for port in $((PORT_BASE + 1)) $((PORT_BASE + 2)) $BARE_PORT $MINIMAL_PORT $OURS_PORT $MONGO_PORT $KAFKA_PORT $KAFKA_CONTROLLER_PORT; do
  ! port_open "$port" || die "port $port is taken; choose other ports with BENCH_PORT_BASE"
done

# A stale jar would measure code that is no longer there.
jar_outdated() {
  [[ ! -f "$BUILT_JAR" ]] && return 0
  [[ -n "$(find "$REPO/gateway-service/src/main" "$REPO/event-contracts/src/main" "$REPO/pom.xml" \
    "$REPO/gateway-service/pom.xml" "$REPO/event-contracts/pom.xml" -newer "$BUILT_JAR" -type f -print -quit)" ]]
}
if [[ "$REBUILD" == 1 ]] || { [[ "$REBUILD" == auto ]] && jar_outdated; }; then
  info "Building $BUILT_JAR (./mvnw -q -B -pl gateway-service -am package -DskipTests) ..."
  (cd "$REPO" && ./mvnw -q -B -pl gateway-service -am package -DskipTests) || die "the build failed"
elif jar_outdated; then
  info "WARNING: $BUILT_JAR is older than its sources (BENCH_REBUILD=0): measuring it as it is"
fi
[[ -f "$BUILT_JAR" ]] || die "no $BUILT_JAR"
cp -p "$BUILT_JAR" "$GATEWAY_JAR.tmp" && mv -f "$GATEWAY_JAR.tmp" "$GATEWAY_JAR"
JAR_SHA="$(sha256sum "$GATEWAY_JAR" | cut -d' ' -f1)"
JAR_INFO="${JAR_SHA:0:12}, built $(date -u -r "$GATEWAY_JAR" +%Y-%m-%dT%H:%M:%SZ)"

# The bare gateway runs on the libraries of the very same jar, without gateway-service's classes.
EXTRACTED="$WORK/gateway-extracted"
# The stamp holds the jar's checksum: extracted again when the jar changed.
if [[ "$(cat "$EXTRACTED/.stamp" 2>/dev/null)" != "$JAR_SHA" || "$BENCH_DIR/bare-gateway/BareGateway.java" -nt "$EXTRACTED/.stamp" ]]; then
  info "Extracting the gateway jar's libraries and compiling the bare gateway ..."
  rm -rf "$EXTRACTED"
  "$JAVA" -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$EXTRACTED" >"$WORK/logs/extract.log" 2>&1 ||
    die "could not extract $GATEWAY_JAR (see $WORK/logs/extract.log)"
  "$JAVAC" -nowarn -d "$EXTRACTED/bare-classes" -cp "$EXTRACTED/lib/*" "$BENCH_DIR/bare-gateway/BareGateway.java"
  echo "$JAR_SHA" >"$EXTRACTED/.stamp"
fi

# Throw-away secrets: the gateway's identity signing key and one API key (partner role).
rm -f "$WORK/keys/"*
"$JAVA" "$REPO/deploy/local/GenerateLocalSecrets.java" "$WORK/keys/priv" "$WORK/keys/pub" "$WORK/keys/opkey"
API_KEY="$(tr -d '\n' <"$WORK/keys/opkey")"
KEY_ID="$(cut -d_ -f2 <<<"$API_KEY")"
KEY_SECRET="${API_KEY#ucp_"${KEY_ID}"_}"
KEY_HASH="$(printf '%s' "$KEY_SECRET" | sha256sum | cut -d' ' -f1)"

info "Starting Kafka (deploy/local/up.sh --infra-only, UCP_HOME=$UCP_HOME) ..."
KAFKA_STARTED=1
UCP_HOME="$UCP_HOME" KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" MONGO_PORT="$MONGO_PORT" \
  "$REPO/deploy/local/up.sh" --infra-only >"$WORK/logs/up.log" 2>&1 || {
  tail -n 30 "$WORK/logs/up.log" >&2
  die "deploy/local/up.sh --infra-only failed (log: $WORK/logs/up.log)"
}

info "Publishing one API key (partner, city-of-essen) on access.api-key ..."
KAFKA_CP="$UCP_HOME/lib/kafka/*"
"$JAVA" -cp "$KAFKA_CP" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
  --if-not-exists --topic access.api-key --partitions 1 --replication-factor 1 --config cleanup.policy=compact \
  >"$WORK/logs/topic.log" 2>&1 || die "could not create the topic (see $WORK/logs/topic.log)"
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# An access.ApiKeyIssued envelope as partnership-service publishes it (only the secret's SHA-256),
# keyed by the key id; one line, "|" separates the record key from the value.
ENVELOPE="{\"eventId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"type\":\"access.ApiKeyIssued\",\"version\":1,\
\"occurredAt\":\"$NOW\",\"aggregateType\":\"ApiKey\",\"aggregateId\":\"$KEY_ID\",\"aggregateVersion\":1,\
\"producer\":\"partnership-service\",\"correlationId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"payload\":{\
\"keyId\":\"$KEY_ID\",\"secretHash\":\"$KEY_HASH\",\"role\":\"partner\",\"organisationId\":\"city-of-essen\",\
\"businessId\":null,\"label\":\"Gateway benchmark\",\"issuedAt\":\"$NOW\",\"expiresAt\":null}}"
printf '%s|%s\n' "$KEY_ID" "$ENVELOPE" | "$JAVA" -cp "$KAFKA_CP" org.apache.kafka.tools.ConsoleProducer \
  --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic access.api-key --producer-property acks=all \
  --property parse.key=true --property 'key.separator=|' >"$WORK/logs/producer.log" 2>&1 ||
  die "could not publish the API key (see $WORK/logs/producer.log)"

info "Starting the backends and the gateways ..."
((${#DELAYS[@]} >= 1 && ${#DELAYS[@]} <= 2)) || die "one or two delays (one per gateway route)"
declare -A BACKEND_PORT=()
for i in "${!DELAYS[@]}"; do
  delay="${DELAYS[$i]}"
  port=$((PORT_BASE + 1 + i))
  BACKEND_PORT[$delay]="$port"
  # shellcheck disable=SC2086 # the JVM options are a list of words
  start "backend-$delay" "$WORK/logs/backend-$delay.log" "$JAVA" $BACKEND_JAVA_OPTS \
    "$BENCH_DIR/backend/DelayBackend.java" "$port" "$delay"
done
INSTANT_URL="http://127.0.0.1:${BACKEND_PORT[${DELAYS[0]}]}"
DELAYED_URL="http://127.0.0.1:${BACKEND_PORT[${DELAYS[-1]}]}"
# The first delay's backend is behind the partnerships route, the second's behind the events route.
path_for() { if [[ "$1" == "${DELAYS[0]}" ]]; then echo "/api/v1/partnerships/$RESOURCE_ID"; else echo "/api/v1/events/$RESOURCE_ID"; fi; }
backend_url_for() { if [[ "$1" == "${DELAYS[0]}" ]]; then echo "$INSTANT_URL"; else echo "$DELAYED_URL"; fi; }

GATEWAY_ENV=(
  PARTNERSHIP_SERVICE_URL="$INSTANT_URL"
  EVENT_SERVICE_URL="$DELAYED_URL"
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  UCP_IDENTITY_PRIVATE_KEY="$(tr -d '\n' <"$WORK/keys/priv")"
)
BARE_PROFILE=(--spring.profiles.active=bare "--spring.config.additional-location=file:$BENCH_DIR/bare-gateway/")
LISTEN=(--server.address=127.0.0.1)
# shellcheck disable=SC2086
start bare "$WORK/logs/bare.log" env "${GATEWAY_ENV[@]}" "$JAVA" $GATEWAY_JAVA_OPTS $BARE_EXTRA_JAVA_OPTS \
  -cp "$EXTRACTED/bare-classes:$EXTRACTED/lib/*" org.urbancooperation.benchmarks.bare.BareGateway \
  "${LISTEN[@]}" "--server.port=$BARE_PORT" "${BARE_PROFILE[@]}"
# shellcheck disable=SC2086
start ours-minimal "$WORK/logs/ours-minimal.log" env "${GATEWAY_ENV[@]}" "$JAVA" $GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR" \
  "${LISTEN[@]}" "--server.port=$MINIMAL_PORT" "${BARE_PROFILE[@]}"
# The limits of the benchmark key's role (partner) and of anonymous callers (ours-anonymous) so high that
# they never refuse; the limiter still takes a token per request.
NO_LIMIT=()
for role in partner anonymous; do
  NO_LIMIT+=("--ucp.rate-limit.limits.$role.requests=1000000000" "--ucp.rate-limit.limits.$role.per=1s"
    "--ucp.rate-limit.limits.$role.burst=1000000000")
done
# shellcheck disable=SC2086
start ours "$WORK/logs/ours.log" env "${GATEWAY_ENV[@]}" "$JAVA" $GATEWAY_JAVA_OPTS $OURS_EXTRA_JAVA_OPTS -jar "$GATEWAY_JAR" \
  "${LISTEN[@]}" "--server.port=$OURS_PORT" "${NO_LIMIT[@]}"

for delay in "${DELAYS[@]}"; do
  wait_for "backend-$delay" "http://127.0.0.1:${BACKEND_PORT[$delay]}/ping"
done
wait_for bare "http://127.0.0.1:$BARE_PORT/actuator/health"
# Readiness includes the API keys read from Kafka.
wait_for ours-minimal "http://127.0.0.1:$MINIMAL_PORT/actuator/health/readiness"
wait_for ours "http://127.0.0.1:$OURS_PORT/actuator/health/readiness"

# Each target must answer 200 before it is measured; ours must have authenticated and rate-limited.
for delay in "${DELAYS[@]}"; do
  p="$(path_for "$delay")"
  for url in "$(backend_url_for "$delay")$p" "http://127.0.0.1:$BARE_PORT$p" "http://127.0.0.1:$MINIMAL_PORT$p"; do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")" == 200 ]] || die "$url does not answer 200"
  done
  headers="$(curl -s -D - -o /dev/null --max-time 5 -H "X-Api-Key: $API_KEY" "http://127.0.0.1:$OURS_PORT$p")"
  grep -q '^HTTP/1.1 200' <<<"$headers" || die "our gateway does not answer 200 with the key: $headers"
  grep -qi '^RateLimit-Limit: 1000000000' <<<"$headers" || die "our gateway did not rate-limit the key: $headers"
  headers="$(curl -s -D - -o /dev/null --max-time 5 "http://127.0.0.1:$OURS_PORT$p")"
  grep -q '^HTTP/1.1 200' <<<"$headers" || die "our gateway does not answer 200 without a key: $headers"
  grep -qi '^RateLimit-Limit: 1000000000' <<<"$headers" || die "our gateway did not rate-limit anonymously: $headers"
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Api-Key: ucp_0000000000000000_wrongwrongwrongwrongwrong' \
  "http://127.0.0.1:$OURS_PORT$(path_for "${DELAYS[0]}")")" == 401 ]] || die "our gateway accepts a wrong key"

# --- the run ------------------------------------------------------------------------------------

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
info "Load average before measuring: $LOAD_BEFORE ($(nproc) cores; includes this run's idle processes)"

# shellcheck disable=SC2086
GC="$("$JAVA" $GATEWAY_JAVA_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null |
  awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ && $4 == "true" { print $2 }')"
export UCP_BENCH_API_KEY="$API_KEY"
declare -A JIT_WARMED=()
for target in "${TARGETS[@]}"; do
  process="${target%-anonymous}"
  [[ "$target" != direct && -z "${JIT_WARMED[$process]:-}" ]] || continue
  JIT_WARMED[$process]=1
  case "$process" in
    bare) port=$BARE_PORT ;;
    ours-minimal) port=$MINIMAL_PORT ;;
    ours) port=$OURS_PORT ;;
    *) die "unknown target $target" ;;
  esac
  url="http://127.0.0.1:$port$(path_for "${DELAYS[0]}")"
  if [[ "$process" == ours && " ${TARGETS[*]} " == *" ours-anonymous "* ]]; then
    # Both kinds of request at once, as the process will serve both: compiled only for keyed requests, its
    # code would be thrown away at the first anonymous one (and again at every switch between the two).
    info "JIT warm-up of $process: $WRK_JIT_WARMUP, with and without the key at once ..."
    wrk -t1 -c$((WRK_CONNECTIONS / 2)) -d"$WRK_JIT_WARMUP" -s "$BENCH_DIR/api-key.lua" "$url" \
      >"$WORK/logs/jit-warmup-$process.txt" &
    keyed=$!
    wrk -t1 -c$((WRK_CONNECTIONS / 2)) -d"$WRK_JIT_WARMUP" "$url" >"$WORK/logs/jit-warmup-$process-anonymous.txt"
    wait "$keyed"
  else
    script=()
    [[ "$process" != ours ]] || script=(-s "$BENCH_DIR/api-key.lua")
    info "JIT warm-up of $process: $WRK_JIT_WARMUP ..."
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_JIT_WARMUP" "${script[@]}" "$url" >"$WORK/logs/jit-warmup-$process.txt"
  fi
done

info "Measuring: $ROUNDS rounds of wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency per target (warm-up $WRK_WARMUP, later rounds $WRK_ROUND_WARMUP)"
for delay in "${DELAYS[@]}"; do
  p="$(path_for "$delay")"
  for ((round = 1; round <= ROUNDS; round++)); do
    for target in "${TARGETS[@]}"; do
      case "$target" in
        direct) measure direct "$delay" "$round" "$(backend_url_for "$delay")$p" ;;
        bare) measure bare "$delay" "$round" "http://127.0.0.1:$BARE_PORT$p" ;;
        ours-minimal) measure ours-minimal "$delay" "$round" "http://127.0.0.1:$MINIMAL_PORT$p" ;;
        ours-anonymous) measure ours-anonymous "$delay" "$round" "http://127.0.0.1:$OURS_PORT$p" ;;
        ours) measure ours "$delay" "$round" "http://127.0.0.1:$OURS_PORT$p" "$BENCH_DIR/api-key.lua" ;;
        *) die "unknown target $target" ;;
      esac
    done
  done
  for target in "${TARGETS[@]}"; do
    summarise "$target" "$delay"
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the report ---------------------------------------------------------------------------------

diff_ms() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%+.2f", a - b }'; }
has() { [[ -n "${RPS[$1]:-}" ]]; }

{
  echo "Gateway benchmark, finished $(date -u +%Y-%m-%dT%H:%M:%SZ); repo at $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(
    [[ -z "$(git -C "$REPO" status --porcelain -- gateway-service/src gateway-service/pom.xml event-contracts/src event-contracts/pom.xml 2>/dev/null)" ]] || echo ' (gateway-service or event-contracts with uncommitted changes)'
  ); gateway jar sha256 $JAR_INFO${OURS_EXTRA_JAVA_OPTS:+; ours also with $OURS_EXTRA_JAVA_OPTS}${BARE_EXTRA_JAVA_OPTS:+; bare also with $BARE_EXTRA_JAVA_OPTS}"
  echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM;" \
    "$("$JAVA" -version 2>&1 | head -n 1); gateways: $GATEWAY_JAVA_OPTS, ${GC:-default GC}"
  echo "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-3): $ROUNDS rounds of wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency per target, medians of the rounds" \
    "(warm-up $WRK_WARMUP before a target's first round, $WRK_ROUND_WARMUP before each later one; first $WRK_JIT_WARMUP per gateway process);" \
    "load average before $LOAD_BEFORE, after $LOAD_AFTER (\"other\" below: CPU used by anything but wrk, the target and its backend)"
  echo
  echo "| backend | target | requests/s | rounds: requests/s | p50 ms | p99 ms | errors | x direct | x bare | +p50 ms vs direct | +p99 ms vs direct | gateway CPU µs/request | CPU cores: all / wrk / gateway / backend / other (max) |"
  echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for delay in "${DELAYS[@]}"; do
    for target in "${TARGETS[@]}"; do
      k="$target/$delay"
      has "$k" || continue
      read -r -a c <<<"${CPU[$k]}"
      printf '| %s ms | %s | %.0f | %s | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s / %s |\n' "$delay" "$target" \
        "${RPS[$k]}" "${ROUND_RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${ERRORS[$k]}" \
        "$(ratio "${RPS[$k]}" "${RPS[direct/$delay]:-}")" "$(ratio "${RPS[$k]}" "${RPS[bare/$delay]:-}")" \
        "$(diff_ms "${P50[$k]}" "${P50[direct/$delay]:-}")" "$(diff_ms "${P99[$k]}" "${P99[direct/$delay]:-}")" \
        "${GW_MICROS[$k]}" "${c[0]}" "${c[1]}" "${c[2]}" "${c[3]}" "${c[4]}"
    done
  done
  echo
  if has ours/20 && has direct/20; then
    r="$(ratio "${RPS[ours/20]}" "${RPS[direct/20]}")"
    d="$(diff_ms "${P99[ours/20]}" "${P99[direct/20]}")"
    echo "Goal, 20 ms backend: ours >= 0.95 x direct throughput: $r -> $(awk -v r="$r" 'BEGIN { print (r >= 0.95 ? "met" : "MISSED") }')" \
      "(round by round: $(round_ratios ours direct 20));" \
      "p99 at most +5 ms: $d ms -> $(awk -v d="$d" 'BEGIN { print (d <= 5 ? "met" : "MISSED") }')"
  fi
  if has ours/0 && has bare/0; then
    r="$(ratio "${RPS[ours/0]}" "${RPS[bare/0]}")"
    echo "Goal, instant backend: ours >= 0.9 x bare throughput: $r -> $(awk -v r="$r" 'BEGIN { print (r >= 0.9 ? "met" : "MISSED") }')" \
      "(round by round: $(round_ratios ours bare 0))"
  fi
  for k in $(printf '%s\n' "${!ERRORS[@]}" | sort -V); do
    [[ "$k" == */*/* ]] || continue # rounds only
    [[ "${ERRORS[$k]}" == 0 ]] || echo "WARNING: $k had ${ERRORS[$k]} errors (non-2xx answers or socket errors): its figures do not count"
    read -r -a c <<<"${CPU[$k]}"
    if awk -v o="${c[4]}" -v m="$MAX_OTHER_CPU" 'BEGIN { exit !(o > m) }'; then
      echo "WARNING: $k was disturbed: other processes used ${c[4]} cores meanwhile (more than $MAX_OTHER_CPU); run again on a quiet machine"
    fi
  done
  echo "Raw wrk output: $WORK/logs/wrk-*-round*.txt"
} | tee "$WORK/results.md"
