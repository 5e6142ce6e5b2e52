#!/usr/bin/env bash
# libFuzzer fuzzing of Steward's input parsers (issue 17); FUZZING.md has the targets and the results.
#
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds each target with -sanitize=fuzzer,address into its own scratch path (.build-fuzz), copies the seed
# corpus Fuzz/Corpus/<Target> into a working corpus outside the repository ($FUZZ_WORK, /tmp/steward-fuzz by
# default, kept between runs so coverage accumulates), runs each target in turn for SECONDS_PER_TARGET
# (default 60) and prints executions, exec/s and coverage per target. Crashes, timeouts and out-of-memory
# inputs are written to $FUZZ_WORK/<Target>/artifacts/; the script exits 1 when any target found one.
#
# Environment: FUZZ_RUNS=N stops each target after N executions instead (or as well); FUZZ_NO_BUILD=1 skips
# the build; FUZZ_NICE (default 10) is the nice level of builds and runs, as the machine is shared;
# FUZZ_TIMEOUT (default 2) is the per-input time limit in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh >/dev/null

all_targets=(ECLParserFuzz ECLEvaluatorFuzz RF2RowReaderFuzz RF2FileNameFuzz FHIRJSONFuzz SearchQueryFuzz)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
work=${FUZZ_WORK:-/tmp/steward-fuzz}
runs=${FUZZ_RUNS:--1}
nice_level=${FUZZ_NICE:-10}
# A slow input is a finding; the limit is wall-clock time, so raise it (FUZZ_TIMEOUT) when the fuzzer runs at
# a low priority beside other work, or starved inputs are reported as timeouts.
timeout=${FUZZ_TIMEOUT:-2}
scratch=.build-fuzz
# Swift's own crash backtracer trips AddressSanitizer; libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no

# Per-target options: input size cap, per-input timeout (seconds) and dictionary.
options() {
  case "$1" in
    ECLParserFuzz) echo "-max_len=512 -timeout=$timeout -dict=Fuzz/ecl.dict" ;;
    ECLEvaluatorFuzz) echo "-max_len=256 -timeout=$timeout -dict=Fuzz/ecl.dict" ;;
    RF2RowReaderFuzz) echo "-max_len=4096 -timeout=$timeout" ;;
    RF2FileNameFuzz) echo "-max_len=256 -timeout=$timeout" ;;
    FHIRJSONFuzz) echo "-max_len=4096 -timeout=$timeout -dict=Fuzz/fhir.dict" ;;
    SearchQueryFuzz) echo "-max_len=512 -timeout=$timeout" ;;
    *) echo "unknown fuzz target $1 (known: ${all_targets[*]})" >&2; exit 2 ;;
  esac
}

for target in "${targets[@]}"; do
  options "$target" >/dev/null
  if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    echo "building $target" >&2
    STEWARD_FUZZ=1 nice -n "$nice_level" swift build --scratch-path "$scratch" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -O --product "$target" 2>&1 | grep -v "ld.gold: warning" | grep -E "error|complete" >&2
  fi
done

bin=$(STEWARD_FUZZ=1 swift build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -O --show-bin-path)
found=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  cp -n Fuzz/Corpus/"$target"/* "$work/$target/corpus/" 2>/dev/null || true
  log="$work/$target/last-run.log"
  echo "fuzzing $target for ${seconds}s (log $log)" >&2
  status=0
  # shellcheck disable=SC2046
  nice -n "$nice_level" "$bin/$target" $(options "$target") -rss_limit_mb=2048 -max_total_time="$seconds" -runs="$runs" \
    -print_final_stats=1 -artifact_prefix="$work/$target/artifacts/" "$work/$target/corpus" >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  line="$target: ${executions:-?} executions, ${rate:-?} exec/s, ${coverage:-no coverage line}"
  if [ "$status" -ne 0 ]; then
    found=1
    line="$line, FINDING (exit $status): $(grep -E 'ERROR: libFuzzer|Fatal error|SUMMARY' "$log" | head -2 | tr '\n' ' ')"
    line="$line; reproducer: $(grep -oE 'Test unit written to .*' "$log" | tail -1 | sed 's/Test unit written to //')"
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), ${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit "$found"
