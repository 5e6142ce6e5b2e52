#!/usr/bin/env bash
# Property-based fuzzing of the whole HTTP API from its own OpenAPI document: schemathesis (PyPI) generates
# requests for every operation (coverage, fuzzing and stateful phases) as an admin, and fails on any 5xx.
# Usage: Scripts/fuzz-api.sh [MAX_EXAMPLES]   (default 25 per operation)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
python3 -c "import schemathesis" 2>/dev/null || pip install -q schemathesis
swift build --product steward >&2
steward="$PWD/.build/debug/steward"
data=$(mktemp -d /tmp/steward-fuzz.XXXXXX)
port=18555
secret=$("$steward" token create --data "$data" --user fuzz --role admin 2>/dev/null)
"$steward" serve --data "$data" --port "$port" --quiet-requests > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/ready" -o /dev/null && break; sleep 0.2; done
cd "$data"   # schemathesis and hypothesis keep their caches in the working directory
schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" -u "http://127.0.0.1:$port" -H "Authorization: Bearer $secret" \
  --checks not_a_server_error --max-examples "${1:-25}"
