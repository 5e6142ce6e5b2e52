#!/usr/bin/env bash
# Opens an HTML report from `steward diff --format html` in headless Chromium and checks that its script
# built the interactive tables: takes a screenshot, dumps the rendered DOM and looks for the marker the
# script sets on <body> when it finishes (data-rendered="ok"), for script-built table bodies, and that a
# #concept=<id> deep link opens the concept panel.
#
# Usage: Scripts/check-html-report.sh REPORT.html [OUT.png]
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 REPORT.html [OUT.png]" >&2
    exit 2
fi
report=$1
[[ -f $report ]] || { echo "check-html-report: no such file: $report" >&2; exit 2; }
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
png=${2:-${report%.html}.png}

if ! command -v chromium >/dev/null 2>&1; then
    echo "check-html-report: installing chromium" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { echo "check-html-report: chromium is missing and sudo is unavailable" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi

# A throwaway profile keeps runs independent of each other and of any desktop Chromium.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
        --virtual-time-budget=10000 "$@" 2>/dev/null
}

fail() {
    echo "check-html-report: FAIL: $*" >&2
    exit 1
}

chrome --screenshot="$png" --window-size=1400,2000 "file://$report" >/dev/null || fail "chromium could not take a screenshot"
[[ -s $png ]] || fail "no screenshot written to $png"

dom=$(chrome --dump-dom "file://$report") || fail "chromium could not load $report"
[[ -n $dom ]] || fail "chromium dumped an empty DOM"
if grep -q 'data-rendered="error"' <<<"$dom"; then
    message=$(grep -o 'class="error-banner">[^<]*' <<<"$dom" | head -1 | sed 's/.*">//' || true)
    fail "the report's script failed: ${message:-unknown error}"
fi
grep -q 'data-rendered="ok"' <<<"$dom" || fail "the report's script did not finish (no data-rendered=\"ok\" on <body>)"

count() { grep -o "$1" <<<"$dom" | wc -l || true; }
sections=$(count '<section class="report-section"')
tables=$(count '<script type="application/json" class="section-rows">')
built=$(count '<tbody data-built="js">')
rows=$(count '<tr><td')
[[ $built -eq $tables ]] || fail "$tables sections have rows but the script built $built tables"
if [[ $tables -gt 0 && $rows -eq 0 ]]; then fail "the script-built tables have no rows"; fi

# Deep link: the first linked concept must open the panel listing at least one row.
concept=$(grep -o 'data-concept="[0-9]*"' <<<"$dom" | head -1 | grep -o '[0-9][0-9]*' || true)
if [[ -n $concept ]]; then
    panel=$(chrome --dump-dom "file://$report#concept=$concept") || fail "chromium could not load the #concept=$concept link"
    grep -q "data-concept-open=\"$concept\"" <<<"$panel" || fail "#concept=$concept did not open the concept panel"
    hits=$(grep -o 'data-hits="[0-9]*"' <<<"$panel" | head -1 | grep -o '[0-9][0-9]*' || true)
    [[ ${hits:-0} -gt 0 ]] || fail "the concept panel for $concept lists no rows"
    echo "concept panel: #concept=$concept lists $hits rows"
fi

echo "ok: $sections sections, $built tables built by script, $rows body rows on their first pages"
echo "screenshot: $png ($(stat -c %s "$png") bytes)"
