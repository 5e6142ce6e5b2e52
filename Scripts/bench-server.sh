#!/usr/bin/env bash
# Server benchmark: `steward serve` on the International-size synthetic store (the one bench-search.sh
# imports, with its search index), loaded by wrk at 64 connections for 30 s per target:
#   FHIR CodeSystem/$lookup (all properties, and display with property=inactive), REST concept detail, REST search, FHIR ValueSet/$expand (ECL implicit value set),
# each over a list of different concepts / queries, and $lookup over all concepts with Zipf frequencies, and the same wrk against a bare Hummingbird route
# (`steward serve-baseline`) as the framework's ceiling on this machine. Reports req/s, p50/p99 latency,
# errors, and the server's peak RSS. The server runs twice: as configured by default (the response cache
# answers repeated reads of release data from memory; the lists repeat every few hundred ms, so nearly
# every answer after the warm-up comes from it) and with the cache off (`--response-cache-mb 0`: every
# request is computed from the store).
# Usage: Scripts/bench-server.sh [DURATION_SECONDS]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-common.sh
duration="${1:-30}"
data="$work/search-data"
if ! "$steward" search --data "$data" x --limit 1 >/dev/null 2>&1; then
  echo "importing the international profile into $data" >&2
  rm -rf "$data"
  "$steward" import --data "$data" "$package" >/dev/null
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
port=18080
baseline_port=18081
out="$work/server"
mkdir -p "$out"

# Request lists: 2,000 concepts from across the hierarchy, the search benchmark's queries, and ECL
# value sets over concepts with descendants.
"$steward" ecl --data "$data" '<< 138875005 |SNOMED CT Concept|' > "$out/all-ids.txt"
python3 - "$out" <<'PY'
import random, sys, urllib.parse
out = sys.argv[1]
ids = [line.strip() for line in open(f"{out}/all-ids.txt") if line.strip()]
rng = random.Random(42)
sample = rng.sample(ids, 2000)
system = urllib.parse.quote("http://snomed.info/sct", safe="")
with open(f"{out}/lookup.txt", "w") as f:
    for i in sample: f.write(f"/fhir/CodeSystem/$lookup?system={system}&code={i}\n")
# The call a service resolving codes makes: display and status only (property=inactive).
with open(f"{out}/lookup-display.txt", "w") as f:
    for i in sample: f.write(f"/fhir/CodeSystem/$lookup?system={system}&code={i}&property=inactive\n")
with open(f"{out}/concept.txt", "w") as f:
    for i in sample: f.write(f"/api/v1/concepts/{i}\n")
queries = open("Scripts/bench-search.sh").read().split("# QUERIES\n", 1)[1].split("\n")
with open(f"{out}/search.txt", "w") as f:
    for q in queries:
        if q.strip(): f.write(f"/api/v1/search?q={urllib.parse.quote(q.strip())}&limit=20\n")
# A service resolving codes sees some codes far more often than others: 200,000 lookups drawn from every
# concept with Zipf(1.0) frequencies (rank order shuffled), so the response cache meets a realistic mix.
weights = [1 / rank for rank in range(1, len(ids) + 1)]
order = ids[:]
rng.shuffle(order)
with open(f"{out}/lookup-zipf.txt", "w") as f:
    for i in rng.choices(order, weights=weights, k=200000): f.write(f"/fhir/CodeSystem/$lookup?system={system}&code={i}\n")
with open(f"{out}/expand.txt", "w") as f:
    for i in sample[:500]:
        url = urllib.parse.quote(f"http://snomed.info/sct?fhir_vs=ecl/{urllib.parse.quote('<< ' + i, safe='')}", safe="")
        f.write(f"/fhir/ValueSet/$expand?url={url}&count=20\n")
PY

run() {  # name base-url paths-file
  local name=$1 base=$2 paths=$3
  # A short warm-up, so the measured run starts with SQLite's and the response cache's first misses behind it.
  PATHS_FILE="$paths" wrk -t2 -c64 -d3s -s Scripts/bench/wrk-paths.lua "$base" > /dev/null
  PATHS_FILE="$paths" wrk -t2 -c64 -d"${duration}s" --latency -s Scripts/bench/wrk-paths.lua "$base" > "$out/wrk-$name.txt"
  python3 - "$name" "$out/wrk-$name.txt" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def latency(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: (.*)", text)
errors = (int(non2xx.group(1)) if non2xx else 0)
print(f"{name:10s} {rps:10.0f} req/s   p50 {latency(50):7.2f} ms   p99 {latency(99):7.2f} ms   non-2xx {errors}" + (f"   socket errors: {socket.group(1)}" if socket else ""))
PY
}

"$steward" serve-baseline --port "$baseline_port" > "$out/baseline.log" 2>&1 &
baseline=$!
server=""
trap 'kill $baseline $server 2>/dev/null || true' EXIT
wait_for() { for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1$2" -o /dev/null && return 0; sleep 0.2; done; return 1; }
wait_for "$baseline_port" /

echo "wrk -t2 -c64 -d${duration}s on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(date -u +%Y-%m-%d):"
printf "/\n" > "$out/baseline.txt"
run baseline "http://127.0.0.1:$baseline_port" "$out/baseline.txt"
printf "/health\n" > "$out/health.txt"
for mode in cached uncached; do
  flags=()
  [ "$mode" = uncached ] && flags=(--response-cache-mb 0)
  "$steward" serve --data "$data" --port "$port" --empty --quiet-requests "${flags[@]}" > "$out/serve-$mode.log" 2>&1 &
  server=$!
  wait_for "$port" /ready
  echo "-- steward serve, response cache $([ "$mode" = cached ] && echo on || echo off): RSS after start $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' /proc/$server/status)"
  [ "$mode" = cached ] && run health "http://127.0.0.1:$port" "$out/health.txt"
  [ "$mode" = cached ] && run lookup-zipf "http://127.0.0.1:$port" "$out/lookup-zipf.txt"
  for target in lookup lookup-display concept search expand; do
    run "$target" "http://127.0.0.1:$port" "$out/$target.txt"
  done
  echo "   server peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$server/status)"
  kill -TERM $server; wait $server || true
  server=""
done
