#!/usr/bin/env bash
# Loads the demo data through the gateway, as the operator whose key up.sh made, idempotently: what
# exists already is found and left alone, so running it twice creates nothing the second time. Prints
# what it created or found; fails (status 1, with the request, the status and the problem body) on any
# unexpected answer.
# The data is in demo-data/ (one JSON file per resource, see README.md "The demo data"): the
# Essen-Koriyama pilot project of the IUC Asia programme (seed 000) and the cities that spoke at the
# EU-Japan 100 Cities Event on Climate Action (seed 004). DemoDataLoader.java loads it (JDK only).
#
# Usage: deploy/local/seed.sh   (UCP_HOME and GATEWAY_PORT as for up.sh; the stack must be running)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -s "$OPERATOR_API_KEY_FILE" ]] || die "no operator API key in $OPERATOR_API_KEY_FILE (run up.sh first)"

# The key goes to the loader as a file name, never on a command line (ps shows those).
"$(java_bin)" "$UCP_LOCAL_DIR/DemoDataLoader.java" "http://127.0.0.1:$GATEWAY_PORT" "$OPERATOR_API_KEY_FILE" \
  "$UCP_LOCAL_DIR/demo-data" || die "loading the demo data failed (see above)"
