#!/usr/bin/env bash
# Lists each part of the local stack: pid, whether it is alive, and whether it is healthy
# (Kafka and Mongo: the port answers; services: /actuator/health/readiness, the gateway's on its
# management port GATEWAY_MANAGEMENT_PORT).
# Exits 0 when every part that has a pid file is alive and healthy, 1 otherwise.
#
# Usage: deploy/local/status.sh   (same UCP_HOME and ports as up.sh)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

health_of() {
  local part="$1"
  case "$part" in
    kafka | mongo) if port_open "$(part_main_port "$part")"; then echo UP; else echo DOWN; fi ;;
    *) readiness_status "$(part_health_port "$part")" ;;
  esac
}

main() {
  local part pid state health rss all_ok=0
  info "Local stack in $UCP_HOME"
  printf '%-20s %-8s %-10s %-12s %-16s %s\n' PART PID PROCESS PORT HEALTH RSS
  for part in "${UCP_ALL_PARTS[@]}"; do
    pid="$(read_pid "$part")"
    rss="-"
    if [[ -z "$pid" ]]; then
      state="-"
      health="-"
    elif is_ours "$pid" "$part"; then
      state="alive"
      health="$(health_of "$part")"
      rss="$(rss_mib "$pid") MiB"
      [[ "$health" == UP ]] || all_ok=1
    else
      # "stale": the pid is now some other program's (reused after a crash or reboot).
      if is_alive "$pid"; then state="stale"; else state="dead"; fi
      health="-"
      all_ok=1
    fi
    printf '%-20s %-8s %-10s %-12s %-16s %s\n' "$part" "${pid:--}" "$state" \
      "$(part_ports "$part" | tr ' ' ',')" "$health" "$rss"
  done
  return "$all_ok"
}

main "$@"
