#!/usr/bin/env bash
# Starts the whole Urban Cooperation Platform on this machine, each part as its own process:
#   Kafka (a real broker, KRaft mode), mongo-java-server (H2 file backend) and the local OpenID
#   Connect provider with its demo users, then the partnership, event and matching services, then
#   the gateway; then loads the demo data.
# Needs only a JDK 17+, bash and curl: it builds the service jars if they are missing and fetches
# the Kafka and Mongo runtimes with Maven into $UCP_HOME/lib the first time.
#
# Usage: deploy/local/up.sh [--infra-only] [--rebuild] [--no-seed]
#   --infra-only  (UCP_INFRA_ONLY=1) start only Kafka and Mongo; no build, no service jars needed
#                 (not the identity provider either: it is a service jar)
#   --rebuild     (UCP_REBUILD=1)    rebuild the service jars even if they exist
#   --no-seed     (UCP_SEED=0)       do not load the demo data
# Settings (environment): UCP_HOME (default <repo>/.local-stack), GATEWAY_PORT (8080),
#   GATEWAY_MANAGEMENT_PORT (8090: the gateway's probes and metrics), PARTNERSHIP_PORT (8081),
#   EVENT_PORT (8082), MATCHING_PORT (8083), KAFKA_PORT (9092),
#   KAFKA_CONTROLLER_PORT (9093), MONGO_PORT (27017), IDENTITY_PORT (9000),
#   UCP_DEMO_PASSWORD (demo: the demo users' password), UCP_HEALTH_TIMEOUT (180 s per part),
#   UCP_SERVICE_JAVA_OPTS, UCP_KAFKA_JAVA_OPTS, UCP_MONGO_JAVA_OPTS (replace the JVM flags set in up.sh).
#   UCP_MONGO_FSYNC (0; 1: the Mongo server also fsyncs before it acknowledges a write),
#   UCP_MONGO_COMMIT (per-write; auto: H2's once-a-second commit, loses writes on kill -9), see README.md.
#   UCP_MONGO_CACHE_MB (256: the Mongo server's H2 page cache, on its heap; see deploy/local/MongoServerLauncher.java).
# Running it again is safe: parts that are already running are left alone.
# Stop with deploy/local/down.sh (same UCP_HOME), look with deploy/local/status.sh.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UCP_INFRA_ONLY="${UCP_INFRA_ONLY:-0}"
UCP_REBUILD="${UCP_REBUILD:-0}"
UCP_SEED="${UCP_SEED:-1}"

# Seven JVMs share a machine that may have only 2 cores, so every JVM is tuned for footprint and
# startup rather than peak throughput:
#  -Xms/-Xmx          a small starting heap with a cap: together they stay under ~2 GB resident.
#  -XX:+UseSerialGC   no parallel/concurrent GC threads competing for the 2 cores, lowest
#                     native overhead; pauses are a few ms at these heap sizes.
#  -XX:TieredStopAtLevel=1  C1 only: no C2 compiler threads competing for the cores during
#                     startup, smaller code cache; peak speed does not matter locally.
#  -XX:+ExitOnOutOfMemoryError  die visibly (status.sh shows it) instead of limping on.
SERVICE_JAVA_OPTS="${UCP_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}"
# Kafka too: measured on 2 cores, C1 only brings the broker up in ~3.5 s instead of ~7.5 s (C2's
# compiler threads compete with startup), and a local broker never needs C2's peak throughput.
KAFKA_JAVA_OPTS="${UCP_KAFKA_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}"
# The Mongo server is the exception: it is where the stack's CPU goes under load (scans, BSON and H2 page
# serialisation), so it keeps C2, and its heap holds the H2 page cache (UCP_MONGO_CACHE_MB, 256 MB by
# default): it stays small with the demo data and grows with what is stored (issue 10's benchmark: 100,000
# partnerships), up to the cap.
MONGO_JAVA_OPTS="${UCP_MONGO_JAVA_OPTS:--Xms32m -Xmx1g -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"

STARTED_AT_MS=0
declare -A START_MS=()   # part -> when up.sh launched it
declare -A READY_S=()    # part -> seconds from launch to healthy, or "running" if it already was

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

parse_args() {
  while (($#)); do
    case "$1" in
      --infra-only) UCP_INFRA_ONLY=1 ;;
      --rebuild) UCP_REBUILD=1 ;;
      --no-seed) UCP_SEED=0 ;;
      -h | --help)
        usage
        exit 0
        ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
  done
}

now_ms() {
  # EPOCHREALTIME (bash 5) needs no fork; the fallback is whole seconds.
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local t="${EPOCHREALTIME/[.,]/}"
    echo "${t:0:-3}"
  else
    echo "$(($(date +%s) * 1000))"
  fi
}

seconds_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d' "$((ms / 1000))" "$((ms % 1000 / 100))"
}

# --- build and fetch --------------------------------------------------------------------------

# The wrapper pins the Maven version and downloads it on a fresh machine; a plain mvn is the
# fallback while the wrapper is not there yet.
maven_command() {
  if [[ -x "$UCP_REPO_ROOT/mvnw" ]]; then
    echo "./mvnw"
  elif command -v mvn >/dev/null 2>&1; then
    echo "mvn"
  else
    die "neither $UCP_REPO_ROOT/mvnw nor mvn found: cannot build"
  fi
}

# Always from the repo root, where the wrapper finds its .mvn/ folder.
maven() {
  local mvn
  mvn="$(maven_command)"
  (cd "$UCP_REPO_ROOT" && "$mvn" -Dstyle.color=never "$@")
}

missing_jars() {
  local service
  for service in "${UCP_SERVICES[@]}"; do
    [[ -f "$(service_jar "$service")" ]] || service_jar "$service"
  done
}

build_services_if_needed() {
  if [[ "$UCP_REBUILD" != 1 && -z "$(missing_jars)" ]]; then
    return
  fi
  info "Building the service jars ($(maven_command) -q -B -DskipTests package) ..."
  local started
  started="$(now_ms)"
  maven -q -B -DskipTests package || die "the build failed (see above); UCP_INFRA_ONLY=1 starts just Kafka and Mongo"
  info "  built in $(seconds_since "$started") s"
  local missing
  missing="$(missing_jars)"
  [[ -z "$missing" ]] || die "the build did not produce:
$missing
(UCP_INFRA_ONLY=1 starts just Kafka and Mongo)"
}

# Copies the runtime jars of one part (a profile of runtime/pom.xml) into $UCP_HOME/lib/<part>.
# A stamp holding the pom's checksum marks a complete copy: an interrupted copy, or a changed
# pom, is fetched again instead of starting with half a classpath.
fetch_runtime() {
  local part="$1" dir="$UCP_LIB_DIR/$1" pom="$UCP_LOCAL_DIR/runtime/pom.xml" sum
  sum="$(cksum <"$pom")"
  if [[ -f "$dir/.complete" && "$(cat "$dir/.complete")" == "$sum" ]]; then
    return
  fi
  info "Fetching the $part runtime with Maven into $dir (once) ..."
  rm -rf "$dir"
  mkdir -p "$dir"
  # Maven's output goes to a file, shown only when it fails: on success it is just noise.
  local log="$UCP_LOG_DIR/fetch-$part.log"
  if ! maven -B -f "$pom" -P"$part" dependency:copy-dependencies -DoutputDirectory="$dir" >"$log" 2>&1; then
    show_log_tail "$log"
    die "could not fetch the $part runtime with Maven (log above, in $log)"
  fi
  echo "$sum" >"$dir/.complete"
}

# Compiling the launcher once saves ~30 MB resident and ~0.5 s per start over Java's source-file
# mode, which keeps the compiler loaded in the server's JVM. Source-file mode is the fallback.
MONGO_LAUNCHER_CP=""
prepare_mongo_launcher() {
  local src="$UCP_LOCAL_DIR/MongoServerLauncher.java" out="$UCP_LIB_DIR/mongo-launcher" javac
  javac="$(javac_bin)"
  if [[ -z "$javac" ]]; then
    return
  fi
  local class="$out/MongoServerLauncher.class"
  # Compiled again when the source or the mongo-java-server jars it compiles against changed.
  if [[ ! -f "$class" || "$src" -nt "$class" || "$UCP_LIB_DIR/mongo/.complete" -nt "$class" ]]; then
    rm -rf "$out"
    mkdir -p "$out"
    "$javac" -nowarn -d "$out" -cp "$UCP_LIB_DIR/mongo/*" "$src" || die "could not compile $src"
  fi
  MONGO_LAUNCHER_CP="$out"
}

# The identity provider's signing key, made once per UCP_HOME by a JDK-only single-file program
# (no openssl or keytool needed) and then kept: the tokens it signed stay valid across restarts.
# --purge deletes it with the data.
prepare_signing_key() {
  [[ -s "$IDENTITY_SIGNING_KEY" ]] && return
  info "  generating the identity provider's signing key (once) in $IDENTITY_SIGNING_KEY"
  "$(java_bin)" "$UCP_REPO_ROOT/identity-provider/tools/GenerateSigningKey.java" "$IDENTITY_SIGNING_KEY" >/dev/null ||
    die "could not generate the signing key $IDENTITY_SIGNING_KEY"
}

# The gateway's identity key pair and the first operator's API key, made once per UCP_HOME.
# partnership-service registers that key at start (UCP_BOOTSTRAP_OPERATOR_KEY); up.sh prints it.
prepare_local_secrets() {
  [[ -s "$GATEWAY_IDENTITY_PRIVATE_KEY" && -s "$GATEWAY_IDENTITY_PUBLIC_KEY" && -s "$OPERATOR_API_KEY_FILE" ]] && return
  info "  generating the gateway's identity key pair and the operator's API key (once) in $UCP_IDENTITY_DIR"
  "$(java_bin)" "$UCP_LOCAL_DIR/GenerateLocalSecrets.java" "$GATEWAY_IDENTITY_PRIVATE_KEY" \
    "$GATEWAY_IDENTITY_PUBLIC_KEY" "$OPERATOR_API_KEY_FILE" || die "could not generate the local secrets"
}

# --- starting processes -----------------------------------------------------------------------

# Fails before anything starts when a port a part needs is taken by something that is not
# this stack: a clear message beats a JVM dying with "Address already in use" in some log.
check_ports_free() {
  local part port
  for part in "$@"; do
    [[ -z "$(running_pid "$part")" ]] || continue
    for port in $(part_ports "$part"); do
      if port_open "$port"; then
        die "port $port, needed by $part, is already taken by another process (not by this stack in $UCP_HOME).
Stop that process, or choose other ports (GATEWAY_PORT, GATEWAY_MANAGEMENT_PORT, PARTNERSHIP_PORT, EVENT_PORT, MATCHING_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT, IDENTITY_PORT)."
      fi
    done
  done
}

# Keeps the previous run's output as <log>.1, so logs stay bounded but one crash can be compared.
rotate_log() {
  [[ -f "$1" ]] && mv -f "$1" "$1.1"
  return 0
}

# launch PART LOGFILE ENV... -- COMMAND...
# Starts the command in the background from $UCP_HOME (so stray files never land in the repo),
# detached from the terminal (nohup, stdin from /dev/null), and records its pid. `exec` all the
# way down keeps $! the pid of the JVM itself, so down.sh signals the JVM and not a wrapper.
launch() {
  local part="$1" log="$2"
  shift 2
  local -a envs=()
  while [[ "$1" != "--" ]]; do
    envs+=("$1")
    shift
  done
  shift
  rotate_log "$log"
  # 9>&-: the JVM must not inherit the lock on up.sh (see take_lock), or it would hold it forever.
  (cd "$UCP_HOME" && exec nohup env "${envs[@]}" "$@" >"$log" 2>&1 </dev/null 9>&-) &
  local pid=$!
  write_pid "$part" "$pid"
  START_MS[$part]="$(now_ms)"
  info "  started $part (pid $pid, log $(part_log "$part"))"
}

# True (and says so) when the part already runs, so up.sh can be run again safely.
already_running() {
  local part="$1" pid
  pid="$(running_pid "$part")"
  if [[ -n "$pid" ]]; then
    info "  $part is already running (pid $pid)"
    READY_S[$part]="running"
    # If it is running but not healthy, the health timeout counts from now.
    START_MS[$part]="$(now_ms)"
    return 0
  fi
  remove_pid "$part" # a stale file from a crash or a reboot
  return 1
}

write_kafka_config() {
  mkdir -p "$UCP_KAFKA_DIR" "$UCP_DATA_DIR/kafka"
  # Written on every start so changed ports take effect; the data stays in log.dirs.
  cat >"$UCP_KAFKA_DIR/server.properties" <<EOF
# Generated by deploy/local/up.sh on every start: edit up.sh, not this file.
# A single node that is both broker and KRaft controller (no ZooKeeper), loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$UCP_DATA_DIR/kafka

# One broker: every internal topic has a single replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Topics appear when a service first uses them, like in the tests.
auto.create.topics.enable=true
num.partitions=3
# Consumers of a fresh group get their partitions at once instead of after 3 s.
group.initial.rebalance.delay.ms=0

# Small footprint for a developer machine: the defaults are sized for production brokers.
# 50 partitions each for offsets and transactions cost start time and file handles for nothing.
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5
num.network.threads=2
num.io.threads=4
# The log cleaner allocates this buffer on the heap at startup (default 128 MB).
log.cleaner.dedupe.buffer.size=16777216
EOF
}

# Formats the storage once. The cluster id is kept in $UCP_HOME/kafka/cluster.id so a restart
# (or a re-format after the data was deleted) uses the same id; meta.properties, written by the
# format, is the proof that the data directory is ready.
format_kafka_storage_once() {
  local meta="$UCP_DATA_DIR/kafka/meta.properties" id_file="$UCP_KAFKA_DIR/cluster.id" id
  if [[ -f "$meta" ]]; then
    id="$(sed -n 's/^cluster.id=//p' "$meta")"
    [[ -f "$id_file" ]] || echo "$id" >"$id_file"
    return
  fi
  if [[ -s "$id_file" ]]; then
    id="$(cat "$id_file")"
  else
    id="$("$(java_bin)" -cp "$UCP_LIB_DIR/kafka/*" kafka.tools.StorageTool random-uuid | tail -n 1)"
    [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "could not generate a Kafka cluster id (got '$id')"
    echo "$id" >"$id_file"
  fi
  info "  formatting Kafka storage (cluster id $id)"
  # controller.quorum.voters makes this a static quorum, so no --standalone (Kafka 4.1 refuses
  # it together with controller.quorum.voters).
  "$(java_bin)" -cp "$UCP_LIB_DIR/kafka/*" kafka.tools.StorageTool format \
    -t "$id" -c "$UCP_KAFKA_DIR/server.properties" --ignore-formatted \
    >"$UCP_LOG_DIR/kafka-format.log" 2>&1 ||
    die "formatting the Kafka storage failed: $(cat "$UCP_LOG_DIR/kafka-format.log")"
}

KAFKA_LOG_OFFSET=0
start_kafka() {
  already_running kafka && return
  write_kafka_config
  format_kafka_storage_once
  # The broker's own log is kafka.log (written by log4j2, see kafka-log4j2.yaml); remember where
  # this run starts in it, so the health check reads only this run's lines.
  KAFKA_LOG_OFFSET=0
  [[ ! -f "$(part_log kafka)" ]] || KAFKA_LOG_OFFSET="$(wc -c <"$(part_log kafka)")"
  # kafka.out gets only what bypasses log4j2 (JVM errors). log4j2's own shutdown hook is off:
  # it would close kafka.log while the broker is still logging its clean shutdown.
  # shellcheck disable=SC2086 # the JVM options are a list of words
  launch kafka "$UCP_LOG_DIR/kafka.out" UCP_PART=kafka -- \
    "$(java_bin)" "-Ducp.home=$UCP_HOME" -Ducp.part=kafka $KAFKA_JAVA_OPTS \
    -Dlog4j2.configurationFile="$UCP_LOCAL_DIR/kafka-log4j2.yaml" -Dlog4j2.shutdownHookEnabled=false \
    -Dkafka.logs.dir="$UCP_LOG_DIR" \
    -cp "$UCP_LIB_DIR/kafka/*" kafka.Kafka "$UCP_KAFKA_DIR/server.properties"
}

start_mongo() {
  already_running mongo && return
  mkdir -p "$UCP_DATA_DIR/mongo"
  local -a main
  if [[ -n "$MONGO_LAUNCHER_CP" ]]; then
    main=(-cp "$MONGO_LAUNCHER_CP:$UCP_LIB_DIR/mongo/*" MongoServerLauncher)
  else
    main=(-cp "$UCP_LIB_DIR/mongo/*" "$UCP_LOCAL_DIR/MongoServerLauncher.java")
  fi
  # shellcheck disable=SC2086
  launch mongo "$(part_log mongo)" UCP_PART=mongo -- \
    "$(java_bin)" "-Ducp.home=$UCP_HOME" -Ducp.part=mongo $MONGO_JAVA_OPTS "${main[@]}" \
    "$MONGO_PORT" "$UCP_DATA_DIR/mongo/ucp.mv"
}

start_service() {
  local service="$1" port
  already_running "$service" && return
  port="$(part_main_port "$service")"
  # SERVER_ADDRESS: Spring Boot listens on all interfaces by default; a developer's stack has no
  # business being reachable from the network.
  local -a envs=(
    SERVER_PORT="$port"
    SERVER_ADDRESS=127.0.0.1
  )
  if [[ "$service" == identity-provider ]]; then
    # Neither Kafka nor Mongo: its users and clients are configuration, its sessions in memory.
    envs+=(
      UCP_OIDC_ISSUER="$IDENTITY_ISSUER"
      UCP_OIDC_SIGNING_KEY_FILE="$IDENTITY_SIGNING_KEY"
    )
  else
    envs+=(
      MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
      KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    )
  fi
  case "$service" in
    partnership-service | event-service | matching-service)
      # The gateway's public key: the services believe only identities the gateway signed.
      envs+=(UCP_IDENTITY_PUBLIC_KEY="$(<"$GATEWAY_IDENTITY_PUBLIC_KEY")")
      ;;
  esac
  if [[ "$service" == partnership-service ]]; then
    envs+=(UCP_BOOTSTRAP_OPERATOR_KEY="$(<"$OPERATOR_API_KEY_FILE")")
  fi
  if [[ "$service" == gateway-service ]]; then
    # UCP_OIDC_ISSUER_URI: the gateway checks people's tokens against this issuer's keys.
    envs+=(
      PARTNERSHIP_SERVICE_URL="http://127.0.0.1:$PARTNERSHIP_PORT"
      EVENT_SERVICE_URL="http://127.0.0.1:$EVENT_PORT"
      MATCHING_SERVICE_URL="http://127.0.0.1:$MATCHING_PORT"
      UCP_OIDC_ISSUER_URI="$IDENTITY_ISSUER"
      UCP_IDENTITY_PRIVATE_KEY="$(<"$GATEWAY_IDENTITY_PRIVATE_KEY")"
      # The actuator on its own port, on loopback like the rest (it does not follow SERVER_ADDRESS).
      GATEWAY_MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT"
      MANAGEMENT_SERVER_ADDRESS=127.0.0.1
    )
  fi
  # shellcheck disable=SC2086
  launch "$service" "$(part_log "$service")" "${envs[@]}" -- \
    "$(java_bin)" "-Ducp.home=$UCP_HOME" "-Ducp.part=$service" $SERVICE_JAVA_OPTS -jar "$(service_jar "$service")"
}

# --- health -----------------------------------------------------------------------------------

kafka_healthy() {
  port_open "$KAFKA_PORT" || return 1
  # The port is bound before the broker serves requests; this line comes once it does.
  [[ "${READY_S[kafka]:-}" == running ]] && return 0
  tail -c +"$((KAFKA_LOG_OFFSET + 1))" "$(part_log kafka)" 2>/dev/null | grep -q "Kafka Server started"
}

mongo_healthy() { port_open "$MONGO_PORT"; }

service_healthy() { [[ "$(readiness_status "$(part_health_port "$1")")" == UP ]]; }

part_healthy() {
  case "$1" in
    kafka) kafka_healthy ;;
    mongo) mongo_healthy ;;
    *) service_healthy "$1" ;;
  esac
}

show_log_tail() {
  local file
  for file in "$@"; do
    [[ -s "$file" ]] || continue
    printf '\n----- last lines of %s -----\n' "$file" >&2
    tail -n 40 "$file" >&2
  done
}

part_logs() {
  if [[ "$1" == kafka ]]; then
    echo "$(part_log kafka) $UCP_LOG_DIR/kafka.out"
  else
    part_log "$1"
  fi
}

# Waits for the given parts together (they were started together), failing on the first one
# that dies or is not healthy within UCP_HEALTH_TIMEOUT seconds of its start.
wait_healthy() {
  local -a pending=("$@")
  local part pid waited
  while ((${#pending[@]})); do
    local -a still=()
    for part in "${pending[@]}"; do
      if part_healthy "$part"; then
        if [[ "${READY_S[$part]:-}" == running ]]; then
          info "  $part is healthy"
        else
          READY_S[$part]="$(seconds_since "${START_MS[$part]}")"
          info "  $part is healthy after ${READY_S[$part]} s"
        fi
        continue
      fi
      pid="$(read_pid "$part")"
      if ! is_alive "$pid"; then
        # shellcheck disable=SC2046
        show_log_tail $(part_logs "$part")
        remove_pid "$part"
        die "$part (pid $pid) exited while starting; its log is above. Parts already started keep running: deploy/local/down.sh stops them."
      fi
      waited=$((($(now_ms) - ${START_MS[$part]:-$(now_ms)}) / 1000))
      if ((waited >= UCP_HEALTH_TIMEOUT)); then
        # shellcheck disable=SC2046
        show_log_tail $(part_logs "$part")
        die "$part (pid $pid) is not healthy after ${UCP_HEALTH_TIMEOUT} s; its log is above. It and the other parts keep running: deploy/local/down.sh stops them."
      fi
      still+=("$part")
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) || sleep 0.5
  done
}

# --- the whole run ---

# Two up.sh runs for the same UCP_HOME at once would both see a part as not running and start it
# twice. flock is part of util-linux (every Linux); without it, this guard is skipped.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$UCP_HOME/up.lock"
  flock -n 9 || die "another up.sh is already running for $UCP_HOME"
}

# --- after start ------------------------------------------------------------------------------

seed_demo_data() {
  [[ "$UCP_SEED" == 1 && "$UCP_INFRA_ONLY" != 1 ]] || return 0
  info "Loading demo data ..."
  "$UCP_LOCAL_DIR/seed.sh" || die "loading the demo data failed (see above); the stack keeps running (UCP_SEED=0 skips this step)"
}

# The demo users as identity-provider/src/main/resources/application.yml defines them. DEMO ONLY:
# everybody knows the password.
print_identity_summary() {
  info ""
  printf '  %-20s %s   (the issuer; the gateway gets it as UCP_OIDC_ISSUER_URI)\n' "Identity provider:" "$IDENTITY_ISSUER"
  printf '  %-20s %s/.well-known/openid-configuration\n' "" "$IDENTITY_ISSUER"
  printf '  %-20s ucp-portal (browser apps, refresh tokens), ucp-cli (scripts: redirect http://127.0.0.1:<any port>/callback)\n' "Clients (PKCE):"
  printf '  %-20s password "%s" for all (demo only):\n' "Demo users:" "${UCP_DEMO_PASSWORD:-demo}"
  printf '  %-20s %-20s %s\n' "" secretariat "operator (programme secretariat)" \
    "" essen "partner, city-of-essen" \
    "" koriyama "partner, city-of-koriyama" \
    "" hydrogen-koriyama "business, hydrogen-koriyama" \
    "" robots-essen "business, robots-essen"
}

print_summary() {
  local part pid parts
  if [[ "$UCP_INFRA_ONLY" == 1 ]]; then parts=("${UCP_INFRA_PARTS[@]}"); else parts=("${UCP_ALL_PARTS[@]}"); fi
  info ""
  info "Urban Cooperation Platform is up ($(seconds_since "$STARTED_AT_MS") s in all)."
  info ""
  printf '  %-20s %-8s %-12s %-14s %s\n' PART PID PORT "HEALTHY AFTER" RSS
  for part in "${parts[@]}"; do
    pid="$(read_pid "$part")"
    local ready="${READY_S[$part]:-?}"
    [[ "$ready" == running ]] || ready="$ready s"
    printf '  %-20s %-8s %-12s %-14s %s MiB\n' "$part" "$pid" "$(part_ports "$part" | tr ' ' ',')" "$ready" "$(rss_mib "$pid")"
  done
  info ""
  printf '  %-20s 127.0.0.1:%s   (KAFKA_BOOTSTRAP_SERVERS)\n' "Kafka:" "$KAFKA_PORT"
  printf '  %-20s mongodb://127.0.0.1:%s   (MONGODB_URI)\n' "MongoDB:" "$MONGO_PORT"
  if [[ "$UCP_INFRA_ONLY" != 1 ]]; then
    printf '  %-20s http://127.0.0.1:%s\n' "Gateway:" "$GATEWAY_PORT"
    local service port
    for service in "${UCP_DOMAIN_SERVICES[@]}"; do
      port="$(part_main_port "$service")"
      printf '  %-20s http://127.0.0.1:%s/swagger-ui.html   http://127.0.0.1:%s/actuator/prometheus\n' "$service:" "$port" "$port"
    done
    printf '  %-20s http://127.0.0.1:%s/actuator/prometheus   (management port)\n' "gateway-service:" "$GATEWAY_MANAGEMENT_PORT"
    print_identity_summary
    info ""
    info "  Operator API key (keep it secret; made once, in $OPERATOR_API_KEY_FILE):"
    info "           $(<"$OPERATOR_API_KEY_FILE")"
    info ""
    info "  Try:     curl -s -H \"X-Api-Key: \$(cat $OPERATOR_API_KEY_FILE)\" http://127.0.0.1:$GATEWAY_PORT/api/v1/partnerships"
    info "           curl -s http://127.0.0.1:$GATEWAY_PORT/api/v1/events?partnershipId=<id>   (published events: no key needed)"
  fi
  info ""
  info "  Logs:    $UCP_LOG_DIR"
  info "  Status:  deploy/local/status.sh    Stop: deploy/local/down.sh  (--purge also deletes the data)"
  [[ "$UCP_HOME" == "$UCP_REPO_ROOT/.local-stack" ]] || info "           (with UCP_HOME=$UCP_HOME)"
}

main() {
  parse_args "$@"
  STARTED_AT_MS="$(now_ms)"
  require_java_17
  [[ "$UCP_INFRA_ONLY" == 1 ]] || command -v curl >/dev/null 2>&1 || die "curl is needed to check the services' health"
  mkdir -p "$UCP_LOG_DIR" "$UCP_PID_DIR" "$UCP_DATA_DIR" "$UCP_LIB_DIR"
  take_lock
  info "Local stack in $UCP_HOME"

  # Before the build and the downloads, which can take minutes: fail fast.
  if [[ "$UCP_INFRA_ONLY" == 1 ]]; then
    check_ports_free "${UCP_INFRA_PARTS[@]}"
  else
    check_ports_free "${UCP_ALL_PARTS[@]}"
  fi

  [[ "$UCP_INFRA_ONLY" == 1 ]] || build_services_if_needed
  fetch_runtime kafka
  fetch_runtime mongo
  prepare_mongo_launcher

  # The identity provider needs neither Kafka nor Mongo: it starts beside them, not after them.
  local -a early=()
  [[ "$UCP_INFRA_ONLY" == 1 ]] || early=("${UCP_EARLY_SERVICES[@]}")
  info "Starting Kafka and MongoDB${early[*]:+ and the identity provider} ..."
  start_kafka
  start_mongo
  if ((${#early[@]})); then
    prepare_signing_key
    local part
    for part in "${early[@]}"; do start_service "$part"; done
  fi
  wait_healthy kafka mongo "${early[@]+"${early[@]}"}"

  if [[ "$UCP_INFRA_ONLY" != 1 ]]; then
    prepare_local_secrets
    info "Starting the domain services ..."
    local service
    for service in "${UCP_DOMAIN_SERVICES[@]}"; do start_service "$service"; done
    wait_healthy "${UCP_DOMAIN_SERVICES[@]}"
    info "Starting the gateway ..."
    start_service gateway-service
    wait_healthy gateway-service
  fi

  seed_demo_data
  print_summary
}

main "$@"
