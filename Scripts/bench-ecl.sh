#!/usr/bin/env bash
# ECL benchmark: evaluates a fixed set of expressions against the International-size store that
# Scripts/bench-import.sh (or bench-search.sh) built, 3 times each, and prints the median wall time of the
# whole `steward ecl --count` process (so each figure includes ~30 ms of process start and store opening).
# Usage: Scripts/bench-ecl.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-common.sh
data="${1:-$work/data}"
expressions=(
  "<< 404684003"
  "< 71388002"
  ">> 22298006"
  "^ 723264001"
  "<< 404684003 AND ^ 447562003"
  "<< 71388002 MINUS << 404684003"
  "<< 404684003 : 363698007 = << 123037004"
  "<< 404684003 : { 363698007 = *, 116676008 = * }"
  "<< 404684003 : [2..*] { 363698007 = * }"
  "<< 404684003 {{ C definitionStatus = primitive }}"
  "<< 404684003 {{ D term = \"heart\" }}"
  "^ 447562003 {{ M mapTarget = \"I21.9\" }}"
)
for expression in "${expressions[@]}"; do
  times=()
  for run in 1 2 3; do
    start=$(date +%s.%N)
    count=$("$steward" ecl "$expression" --data "$data" --count)
    end=$(date +%s.%N)
    times+=("$(python3 -c "print($end - $start)")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  printf '%8.0f ms  %8s  %s\n' "$(python3 -c "print($median * 1000)")" "$count" "$expression"
done
