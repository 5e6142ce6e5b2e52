#!/usr/bin/env bash
# Import benchmark: generate the International-size synthetic release once, then import its Snapshot
# RUNS times into a fresh data directory. Reports the median wall time and peak RSS (/usr/bin/time -v),
# the store size, and each import stage's share. Usage: Scripts/bench-import.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source Scripts/bench-common.sh

for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  /usr/bin/time -v "$steward" import --data "$work/data" "$package" > /dev/null 2> "$work/import-time-$run.txt"
  "$steward" info --data "$work/data" --format json > "$work/import-info-$run.json"
  ls -l "$work/data/releases/"*.sqlite | awk '{print $5}' > "$work/import-size-$run.txt"
done

python3 - "$work" "$runs" <<'PY'
import json, re, statistics, sys, os
work, runs = sys.argv[1], int(sys.argv[2])
def seconds(text):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    h, mnt, s = m.groups()
    return (int(h or 0) * 3600) + int(mnt) * 60 + float(s)
walls, rss, sizes, stages = [], [], [], {}
for run in range(1, runs + 1):
    text = open(f"{work}/import-time-{run}.txt").read()
    walls.append(seconds(text))
    rss.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024)
    sizes.append(int(open(f"{work}/import-size-{run}.txt").read().strip()) / 1024**3)
    info = json.load(open(f"{work}/import-info-{run}.json"))
    for name, value in info["importStages"].items():
        stages.setdefault(name, []).append(value)
    counts = info["release"]["counts"]
print(f"runs: {runs}; wall s: {', '.join(f'{w:.1f}' for w in walls)}; peak RSS MB: {', '.join(f'{r:.0f}' for r in rss)}")
print(f"median wall {statistics.median(walls):.1f} s, median peak RSS {statistics.median(rss):.0f} MB, store {statistics.median(sizes):.2f} GB")
total = sum(statistics.median(v) for v in stages.values())
for name, values in sorted(stages.items(), key=lambda kv: -statistics.median(kv[1])):
    med = statistics.median(values)
    print(f"  {name:22s} {med:6.1f} s  {100 * med / total:4.0f}%")
print("rows: " + ", ".join(f"{k} {v['total']}" for k, v in counts.items()))
PY
