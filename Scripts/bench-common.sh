# Shared by the benchmark scripts (sourced, not run): installs what is missing, builds the release binary
# and generates the International-size synthetic release once into $BENCH_DIR (default /tmp/steward-bench).
# Sets: work, steward, package. STEWARD_BIN=PATH uses that binary instead of building one.
source Scripts/setup.sh
work="${BENCH_DIR:-/tmp/steward-bench}"
mkdir -p "$work"
# STEWARD_BIN runs the benchmark with another binary (an A/B against an earlier build) and skips the build.
if [ -n "${STEWARD_BIN:-}" ]; then
  steward=$STEWARD_BIN
else
  swift build -c release --product steward >&2
  steward=.build/release/steward
fi
package="$work/gen/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z"
if [ ! -d "$package" ]; then
  echo "generating the international profile into $work/gen" >&2
  /usr/bin/time -v "$steward" generate --profile international --no-full --out "$work/gen" 2> "$work/generate-time.txt" >/dev/null
  grep -E "Elapsed|Maximum resident" "$work/generate-time.txt" >&2
fi
