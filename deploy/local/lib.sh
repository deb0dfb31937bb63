# shellcheck shell=bash disable=SC2034 # the variables are used by the scripts that source this
# Shared by up.sh, down.sh, status.sh and seed.sh: the one place for ports, paths and pid handling.
# Sourced, never run. Every setting is an environment variable, so a test can start a second
# stack beside the first with another UCP_HOME and other ports.

# --- where things are -------------------------------------------------------------------------
# Derived from this file's location, so the scripts work from any working directory and any clone.
UCP_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
UCP_REPO_ROOT="$(cd "$UCP_LOCAL_DIR/../.." && pwd)"

UCP_HOME="${UCP_HOME:-$UCP_REPO_ROOT/.local-stack}"
# Absolute, because the processes are started from other directories and the path is also the
# marker that tells our processes apart from everybody else's (see is_ours).
[[ "$UCP_HOME" == /* ]] || UCP_HOME="$PWD/$UCP_HOME"
UCP_HOME="${UCP_HOME%/}"

UCP_LOG_DIR="$UCP_HOME/logs"
UCP_PID_DIR="$UCP_HOME/pids"
UCP_DATA_DIR="$UCP_HOME/data"
UCP_LIB_DIR="$UCP_HOME/lib"
UCP_KAFKA_DIR="$UCP_HOME/kafka"
# The identity provider's signing key, made once by up.sh: the tokens it signs stay valid when the
# provider restarts (a key made at every start would sign everybody out).
UCP_IDENTITY_DIR="$UCP_HOME/identity"
IDENTITY_SIGNING_KEY="$UCP_IDENTITY_DIR/signing-key.pem"
# The key pair whose private half the gateway signs forwarded identities with (the services hold the
# public half), and the first operator's API key: made once per UCP_HOME, readable by its owner only.
GATEWAY_IDENTITY_PRIVATE_KEY="$UCP_IDENTITY_DIR/gateway-identity-private.key"
GATEWAY_IDENTITY_PUBLIC_KEY="$UCP_IDENTITY_DIR/gateway-identity-public.key"
OPERATOR_API_KEY_FILE="$UCP_IDENTITY_DIR/operator-api-key"

# --- ports ------------------------------------------------------------------------------------
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
# The gateway's actuator (probes, /actuator/prometheus): a port of its own, not the API's.
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-8090}"
PARTNERSHIP_PORT="${PARTNERSHIP_PORT:-8081}"
EVENT_PORT="${EVENT_PORT:-8082}"
MATCHING_PORT="${MATCHING_PORT:-8083}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
IDENTITY_PORT="${IDENTITY_PORT:-9000}"

# The local OpenID Connect provider's issuer: the "iss" of its tokens, and where the gateway finds
# its keys. Loopback, like everything here; production points the gateway at the organisations'
# own identity provider instead.
IDENTITY_ISSUER="http://127.0.0.1:$IDENTITY_PORT"

# Seconds a part may take to become healthy before up.sh gives up on it.
UCP_HEALTH_TIMEOUT="${UCP_HEALTH_TIMEOUT:-180}"

# --- the parts --------------------------------------------------------------------------------
# Start order; down.sh walks it backwards so services stop before the infrastructure they use.
UCP_INFRA_PARTS=(kafka mongo)
# Started together with Kafka and Mongo: it needs neither, and the gateway needs it (its issuer).
# It is a service (a Spring Boot jar), so --infra-only leaves it out like the other services.
UCP_EARLY_SERVICES=(identity-provider)
UCP_DOMAIN_SERVICES=(partnership-service event-service matching-service)
UCP_SERVICES=("${UCP_EARLY_SERVICES[@]}" "${UCP_DOMAIN_SERVICES[@]}" gateway-service)
UCP_ALL_PARTS=("${UCP_INFRA_PARTS[@]}" "${UCP_SERVICES[@]}")

# The ports a part listens on (Kafka has two); used for the "port taken" check.
part_ports() {
  case "$1" in
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    mongo) echo "$MONGO_PORT" ;;
    partnership-service) echo "$PARTNERSHIP_PORT" ;;
    event-service) echo "$EVENT_PORT" ;;
    matching-service) echo "$MATCHING_PORT" ;;
    gateway-service) echo "$GATEWAY_PORT $GATEWAY_MANAGEMENT_PORT" ;;
    identity-provider) echo "$IDENTITY_PORT" ;;
    *) die "unknown part: $1" ;;
  esac
}

# The port a service answers /actuator/health on: the gateway's management port, else its only one.
part_health_port() {
  case "$1" in
    gateway-service) echo "$GATEWAY_MANAGEMENT_PORT" ;;
    *) part_main_port "$1" ;;
  esac
}

# The port that tells whether a part answers.
part_main_port() {
  local ports
  ports="$(part_ports "$1")"
  echo "${ports%% *}"
}

service_jar() { echo "$UCP_REPO_ROOT/$1/target/$1.jar"; }
part_log() { echo "$UCP_LOG_DIR/$1.log"; }
pid_file() { echo "$UCP_PID_DIR/$1.pid"; }

# --- output -----------------------------------------------------------------------------------
info() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

# --- java -------------------------------------------------------------------------------------
# JAVA_HOME wins over PATH, as with Maven, so the stack runs on the JDK the build uses.
java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "no java found: install a JDK 17 or newer (or set JAVA_HOME)"
  fi
}

javac_bin() {
  local java
  java="$(java_bin)"
  if [[ -x "$(dirname "$java")/javac" ]]; then
    echo "$(dirname "$java")/javac"
  fi
}

require_java_17() {
  local version major
  # First line looks like: openjdk version "17.0.15" 2025-04-15 (or "1.8.0_392" for Java 8).
  version="$("$(java_bin)" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
    die "Java 17 or newer is needed, found '${version:-none}' at $(java_bin)"
  fi
}

# --- processes --------------------------------------------------------------------------------
# up.sh gives every JVM of the stack two system properties, -Ducp.home=$UCP_HOME and
# -Ducp.part=<part>. They let down.sh and status.sh check that a pid still belongs to that part
# of THIS stack: pids are reused after a crash or a reboot, and a second stack with another
# UCP_HOME may run beside this one.

process_cmdline() {
  local pid="$1"
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline"
  else
    ps -o args= -p "$pid" 2>/dev/null || true
  fi
}

# A killed process stays a zombie until its parent reaps it, and kill -0 still succeeds on a
# zombie; our processes outlive up.sh, so their parent is whatever adopted them. Zombies are dead.
is_alive() {
  local pid="$1" stat
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    stat="$(cat "/proc/$pid/stat" 2>/dev/null || true)"
    # The state is the field after the parenthesised command name.
    [[ "${stat##*) }" != Z* ]] || return 1
  fi
  return 0
}

# True if the pid is alive and is the given part of this stack.
is_ours() {
  local pid="$1" part="$2" cmdline
  is_alive "$pid" || return 1
  cmdline="$(process_cmdline "$pid")"
  [[ "$cmdline" == *"-Ducp.home=$UCP_HOME "* && "$cmdline" == *"-Ducp.part=$part "* ]]
}

read_pid() {
  local file
  file="$(pid_file "$1")"
  [[ -f "$file" ]] && tr -dc '0-9' <"$file"
  return 0
}

# Pid of the part if it is running (and is ours), else nothing.
running_pid() {
  local part="$1" pid
  pid="$(read_pid "$part")"
  if [[ -n "$pid" ]] && is_ours "$pid" "$part"; then
    echo "$pid"
  fi
}

write_pid() { echo "$2" >"$(pid_file "$1")"; }
remove_pid() { rm -f "$(pid_file "$1")"; }

# Resident memory of a process in MiB, from the kernel's own accounting.
rss_mib() {
  local kib
  kib="$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)"
  if [[ -n "$kib" ]]; then
    echo "$((kib / 1024))"
  else
    echo "?"
  fi
}

# --- network ----------------------------------------------------------------------------------
# Bash's /dev/tcp: no nc, ss or lsof needed. `timeout` so a half-open port cannot hang us.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints the readiness status of a Spring Boot service ("UP", "OUT_OF_SERVICE", ...) or "DOWN"
# when it does not answer at all. A service without the readiness probe
# (management.endpoint.health.probes.enabled) answers 404 there: then its overall health counts.
readiness_status() {
  local base="http://127.0.0.1:$1/actuator/health" response
  response="$(curl -sS --max-time 3 -w '\n%{http_code}' "$base/readiness" 2>/dev/null || true)"
  if [[ "${response##*$'\n'}" == 404 ]]; then
    response="$(curl -sS --max-time 3 "$base" 2>/dev/null || true)"
  fi
  if [[ "$response" =~ \"status\"[[:space:]]*:[[:space:]]*\"([A-Z_]+)\" ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "DOWN"
  fi
}
