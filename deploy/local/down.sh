#!/usr/bin/env bash
# Stops exactly the processes that up.sh started for this UCP_HOME: the pids in $UCP_HOME/pids/,
# each checked to still be that part of this stack (a pid reused by another program is never
# signalled). TERM first, so the services finish their requests and Kafka and Mongo flush their
# data; KILL after 20 s. Services stop before Kafka and Mongo, which they still use while stopping.
#
# Usage: deploy/local/down.sh [--purge]
#   --purge  also delete the data, logs and generated config in $UCP_HOME, including the identity
#            provider's signing key (the downloaded runtimes in $UCP_HOME/lib are kept: they are a
#            cache, not data)
# Settings (environment): UCP_HOME as for up.sh; UCP_STOP_TIMEOUT (20 s before KILL).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STOP_TIMEOUT="${UCP_STOP_TIMEOUT:-20}"
PURGE=0

parse_args() {
  while (($#)); do
    case "$1" in
      --purge) PURGE=1 ;;
      -h | --help)
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
        exit 0
        ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
  done
}

# Signals the given parts together and waits for all of them, so stopping takes as long as the
# slowest part rather than the sum.
stop_parts() {
  local part pid
  local -A pids=()
  for part in "$@"; do
    [[ -f "$(pid_file "$part")" ]] || continue
    pid="$(read_pid "$part")"
    if [[ -n "$pid" ]] && is_ours "$pid" "$part"; then
      info "Stopping $part (pid $pid) ..."
      kill -TERM "$pid" 2>/dev/null || true
      pids[$part]="$pid"
    else
      info "$part was not running (removing its stale pid file)"
      remove_pid "$part"
    fi
  done
  ((${#pids[@]})) || return 0

  # Polls every 0.2 s, so STOP_TIMEOUT * 5 rounds are at least STOP_TIMEOUT seconds.
  local round
  for ((round = 0; round < STOP_TIMEOUT * 5; round++)); do
    for part in "${!pids[@]}"; do
      if ! is_alive "${pids[$part]}"; then
        info "  $part stopped"
        remove_pid "$part"
        unset "pids[$part]"
      fi
    done
    ((${#pids[@]})) || return 0
    sleep 0.2
  done
  for part in "${!pids[@]}"; do
    warn "$part (pid ${pids[$part]}) did not stop within ${STOP_TIMEOUT} s: killing it"
    kill -KILL "${pids[$part]}" 2>/dev/null || true
  done
  # KILL is not instant either; return only once the ports are free for the next up.sh.
  for part in "${!pids[@]}"; do
    for ((round = 0; round < 50; round++)); do
      is_alive "${pids[$part]}" || break
      sleep 0.1
    done
    remove_pid "$part"
  done
}

# Anything in pids/ that is not a known part (e.g. from an older version of these scripts) is
# stopped with the services, under the same ownership check.
unknown_parts() {
  local file part known
  for file in "$UCP_PID_DIR"/*.pid; do
    [[ -e "$file" ]] || continue
    part="$(basename "$file" .pid)"
    known=0
    for p in "${UCP_ALL_PARTS[@]}"; do [[ "$p" == "$part" ]] && known=1; done
    ((known)) || echo "$part"
  done
}

purge() {
  info "Deleting data, logs and generated config in $UCP_HOME (keeping the runtimes in lib/)"
  # The signing key too: the next up.sh makes a new one, and tokens signed before are void.
  rm -rf "$UCP_DATA_DIR" "$UCP_LOG_DIR" "$UCP_KAFKA_DIR" "$UCP_PID_DIR" "$UCP_IDENTITY_DIR"
}

main() {
  parse_args "$@"
  if [[ ! -d "$UCP_PID_DIR" ]] || [[ -z "$(ls -A "$UCP_PID_DIR" 2>/dev/null)" ]]; then
    info "Nothing to stop in $UCP_HOME"
  else
    # shellcheck disable=SC2046
    stop_parts gateway-service $(unknown_parts)
    # The identity provider with the domain services: after the gateway, which checks its tokens.
    stop_parts "${UCP_DOMAIN_SERVICES[@]}" "${UCP_EARLY_SERVICES[@]}"
    stop_parts "${UCP_INFRA_PARTS[@]}"
  fi
  if ((PURGE)); then purge; fi
}

main "$@"
