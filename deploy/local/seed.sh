#!/usr/bin/env bash
# Loads the demo data through the gateway, idempotently: what exists already is left alone, so
# running it twice creates nothing the second time. Prints what it created or found.
#
# Usage: deploy/local/seed.sh   (GATEWAY_PORT as for up.sh; the stack must be running)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"

ESSEN_KORIYAMA_NAME="Essen - Koriyama: Maximizing Urban Cooperation for the Future"
ESSEN_KORIYAMA_JSON='{"name":"Essen - Koriyama: Maximizing Urban Cooperation for the Future","cities":[{"name":"Essen","countryCode":"DE","timeZone":"Europe/Berlin"},{"name":"Koriyama","countryCode":"JP","timeZone":"Asia/Tokyo"}],"themes":["renewable-energy","medical-devices","education"],"establishedOn":"2019-08-27"}'

# Whether a JSON body holds an object whose "name" is exactly the given string. Whitespace around
# the colon is normalised first, so pretty-printed JSON matches too; -F: the name is no regex.
json_has_name() {
  local body="$1" name="$2"
  printf '%s' "$body" | tr -d '\r\n' | sed -e 's/"name"[[:space:]]*:[[:space:]]*"/"name":"/g' |
    grep -qF "\"name\":\"$name\""
}

# The whole list rather than the ?name= filter: that query is still being written.
list_partnerships() {
  curl -sS --fail-with-body --max-time 15 -H 'Accept: application/json' "$GATEWAY_URL/api/v1/partnerships"
}

ensure_partnership() {
  local name="$1" json="$2" body
  body="$(list_partnerships)" || die "GET $GATEWAY_URL/api/v1/partnerships failed: $body"
  if json_has_name "$body" "$name"; then
    info "  found partnership '$name' (nothing created)"
    return
  fi
  local response status
  response="$(curl -sS --max-time 15 -w '\n%{http_code}' -X POST \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data "$json" "$GATEWAY_URL/api/v1/partnerships")" || die "POST $GATEWAY_URL/api/v1/partnerships failed"
  status="${response##*$'\n'}"
  body="${response%$'\n'*}"
  [[ "$status" == 2?? ]] || die "POST $GATEWAY_URL/api/v1/partnerships answered $status: $body"
  info "  created partnership '$name': $body"
}

main() {
  ensure_partnership "$ESSEN_KORIYAMA_NAME" "$ESSEN_KORIYAMA_JSON"
}

main "$@"
