#!/usr/bin/env bash
# Loads the demo data through the gateway, idempotently: what exists already is left alone, so
# running it twice creates nothing the second time. Prints what it created or found.
# The facts come from the Essen-Koriyama pilot project of the IUC Asia programme: the partnership
# (study tour to Essen on Stadtwerke, Aug 2019), the agreement on continued cooperation
# (Sep 2019), trade fairs in each city (E-world energy & water in Essen, REIF Fukushima in
# Koriyama, 28-29 Oct 2020) and the joint online business matching on products against COVID-19
# (Nov 2020).
#
# Usage: deploy/local/seed.sh   (GATEWAY_PORT as for up.sh; the stack must be running)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
# The demo data is loaded as the operator, with the key up.sh made and partnership-service registered.
[[ -s "$OPERATOR_API_KEY_FILE" ]] || die "no operator API key in $OPERATOR_API_KEY_FILE (run up.sh first)"
OPERATOR_KEY="$(<"$OPERATOR_API_KEY_FILE")"
PARTNERSHIP_NAME="Essen - Koriyama: Maximizing Urban Cooperation for the Future"

# GET or POST through the gateway; prints the body, fails with the status and body on non-2xx.
call() {
  local method="$1" path="$2" data="${3:-}" response status body
  local args=(-sS --max-time 15 -w '\n%{http_code}' -X "$method" -H 'Accept: application/json'
    -H "X-Api-Key: $OPERATOR_KEY")
  [[ -z "$data" ]] || args+=(-H 'Content-Type: application/json' --data "$data")
  response="$(curl "${args[@]}" "$GATEWAY_URL$path")" || die "$method $GATEWAY_URL$path failed"
  status="${response##*$'\n'}"
  body="${response%$'\n'*}"
  [[ "$status" == 2?? ]] || die "$method $GATEWAY_URL$path answered $status: $body"
  printf '%s' "$body"
}

# The first "id" in a JSON body (our ids are UUIDs, so a pattern is exact enough without a JSON tool).
first_id() { grep -oE '"id"[[:space:]]*:[[:space:]]*"[0-9a-f-]{36}"' | head -n 1 | grep -oE '[0-9a-f-]{36}'; }

# Whether a JSON body holds the exact string value "<text>" (titles and names are plain text).
contains_text() { tr -d '\r\n' | grep -qF "\"$1\""; }

ensure_partnership() {
  local query body id
  query="$(printf '%s' "$PARTNERSHIP_NAME" | sed 's/ /%20/g; s/:/%3A/g')"
  body="$(call GET "/api/v1/partnerships?name=$query")"
  id="$(printf '%s' "$body" | first_id || true)"
  if [[ -n "$id" ]]; then
    info "  found partnership '$PARTNERSHIP_NAME' ($id)" >&2
  else
    body="$(call POST /api/v1/partnerships "{\"name\":\"$PARTNERSHIP_NAME\",\"establishedOn\":\"2019-08-27\",
      \"partnerOrganisations\":[\"city-of-essen\",\"city-of-koriyama\"],
      \"themes\":[\"renewable-energy\",\"medical-devices\",\"education\"],
      \"cities\":[{\"name\":\"Essen\",\"countryCode\":\"DE\",\"timeZone\":\"Europe/Berlin\"},
                  {\"name\":\"Koriyama\",\"countryCode\":\"JP\",\"timeZone\":\"Asia/Tokyo\"}]}")"
    id="$(printf '%s' "$body" | first_id)"
    info "  created partnership '$PARTNERSHIP_NAME' ($id)" >&2
  fi
  printf '%s' "$id"
}

ensure_agreement() {
  local partnership="$1" title="Agreement on continued cooperation"
  if call GET "/api/v1/partnerships/$partnership" | contains_text "$title"; then
    info "  found agreement '$title'"
  else
    call POST "/api/v1/partnerships/$partnership/agreements" "{\"title\":\"$title\",\"signedOn\":\"2019-09-20\"}" >/dev/null
    info "  created agreement '$title'"
  fi
}

# Events reference the partnership: event-service learns of a new one from Kafka within moments,
# so a first run retries briefly on 422 (unknown partnership) instead of failing.
post_when_known() {
  local path="$1" data="$2" attempt status
  for attempt in $(seq 1 50); do
    status="$(curl -sS --max-time 15 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H "X-Api-Key: $OPERATOR_KEY" --data "$data" "$GATEWAY_URL$path")" || status=000
    [[ "$status" == 2?? ]] && return 0
    [[ "$status" == 422 ]] || die "POST $GATEWAY_URL$path answered $status"
    sleep 0.2
  done
  die "POST $GATEWAY_URL$path: the partnership is still unknown there after 10 s (is Kafka running?)"
}

ensure_cooperation_event() {
  local partnership="$1" title="$2" json="$3"
  if call GET "/api/v1/events?partnershipId=$partnership&limit=200" | contains_text "$title"; then
    info "  found cooperation event '$title'"
  else
    post_when_known /api/v1/events "{\"partnershipId\":\"$partnership\",\"title\":\"$title\",$json}"
    info "  created cooperation event '$title'"
  fi
}

ensure_matching_event() {
  local partnership="$1" title="$2" json="$3"
  if call GET "/api/v1/matching/events?partnershipId=$partnership&limit=200" | contains_text "$title"; then
    info "  found matching event '$title'"
  else
    post_when_known /api/v1/matching/events "{\"partnershipId\":\"$partnership\",\"title\":\"$title\",$json}"
    info "  created matching event '$title'"
  fi
}

# The gateway learns of the operator key from Kafka moments after partnership-service registered it.
await_operator_key() {
  local attempt status
  for attempt in $(seq 1 100); do
    status="$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' -H "X-Api-Key: $OPERATOR_KEY" \
      "$GATEWAY_URL/api/v1/partnerships?limit=1")" || status=000
    [[ "$status" == 200 ]] && return 0
    sleep 0.2
  done
  die "the gateway does not accept the operator key after 20 s (last answer: $status)"
}

main() {
  local partnership
  await_operator_key
  partnership="$(ensure_partnership)"
  ensure_agreement "$partnership"
  ensure_cooperation_event "$partnership" "Study tour to Essen on Stadtwerke" \
    '"format":"STUDY_TOUR","startsAt":"2019-08-26T07:00:00Z","endsAt":"2019-08-30T15:00:00Z","timeZones":["Europe/Berlin","Asia/Tokyo"],"languages":["de","ja"]'
  ensure_cooperation_event "$partnership" "E-world energy & water 2020" \
    '"format":"TRADE_FAIR","startsAt":"2020-02-11T08:00:00Z","endsAt":"2020-02-13T16:00:00Z","timeZones":["Europe/Berlin","Asia/Tokyo"],"languages":["de","en","ja"]'
  ensure_cooperation_event "$partnership" "REIF Fukushima 2020" \
    '"format":"TRADE_FAIR","startsAt":"2020-10-28T00:00:00Z","endsAt":"2020-10-29T08:00:00Z","timeZones":["Asia/Tokyo","Europe/Berlin"],"languages":["ja","en"]'
  ensure_matching_event "$partnership" "Essen - Koriyama online business matching: products against COVID-19" \
    '"startsAt":"2020-11-18T08:00:00Z","endsAt":"2020-11-18T11:00:00Z","slotMinutes":30'
}

main "$@"
