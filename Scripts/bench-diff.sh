#!/usr/bin/env bash
# Diff benchmark: generates two consecutive International-size synthetic releases (once, into
# $BENCH_DIR/gen-versions), imports both (once, into $BENCH_DIR/diff-data), then runs the full diff
# RUNS times with JSON output and RUNS times with HTML output, and `steward delta` once. Reports the median
# wall time and peak RSS (/usr/bin/time -v) of each, and the report sizes.
# Usage: Scripts/bench-diff.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source Scripts/bench-common.sh
versions="$work/gen-versions"
data="$work/diff-data"
if [ ! -d "$versions/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z" ]; then
  echo "generating two International-size versions into $versions" >&2
  "$steward" generate --profile international --versions 2 --no-full --out "$versions" >/dev/null
fi
if ! "$steward" releases --data "$data" 2>/dev/null | grep -q INT-20250201; then
  rm -rf "$data"
  for package in "$versions"/SnomedCT_InternationalRF2_PRODUCTION_2025*; do
    echo "importing $(basename "$package")" >&2
    "$steward" import --data "$data" "$package" >/dev/null
  done
fi

for run in $(seq 1 "$runs"); do
  for format in json html; do
    /usr/bin/time -v "$steward" diff --data "$data" INT-20250101 INT-20250201 --format "$format" --out "$work/diff.$format" \
      2> "$work/diff-$format-time-$run.txt"
  done
done
rm -rf "$work/delta"
/usr/bin/time -v "$steward" delta --data "$data" INT-20250101 INT-20250201 --out "$work/delta" 2> "$work/delta-time.txt"

python3 - "$work" "$runs" <<'PY'
import os, re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
def measure(path):
    text = open(path).read()
    h, m, s = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text).groups()
    wall = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return wall, rss
for format in ("json", "html"):
    results = [measure(f"{work}/diff-{format}-time-{run}.txt") for run in range(1, runs + 1)]
    walls = [w for w, _ in results]
    print(f"diff --format {format}: median {statistics.median(walls):.1f} s (runs {', '.join(f'{w:.1f}' for w in walls)}), "
          f"peak RSS {max(r for _, r in results):.0f} MB, output {os.path.getsize(f'{work}/diff.{format}') / 1024**2:.1f} MB")
wall, rss = measure(f"{work}/delta-time.txt")
print(f"delta: {wall:.1f} s, peak RSS {rss:.0f} MB")
PY
