#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled samples: build, import the two International
# versions and the Norwegian edition, list them, show a concept in Bokmål, Nynorsk and English, and
# compare the two International versions (diff summary, HTML report, refset impact).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build -c release --product steward
steward=.build/release/steward
export STEWARD_DATA="${STEWARD_DATA:-steward-data}"

$steward import --replace Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z
$steward import --replace Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z
$steward import --replace Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z \
  Releases/SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z
echo
$steward releases
echo
$steward concept 22298006 --lang nb,nn,en-GB
echo
# What the 20250201 release changes, and what it does to the ICD-10 map refset; full report as HTML.
$steward diff INT-20250101 INT-20250201
$steward diff INT-20250101 INT-20250201 --format html --out "$STEWARD_DATA/diff-INT-20250101-INT-20250201.html"
$steward impact --from INT-20250101 --to INT-20250201 --refset 447562003
echo
# The organisation's own refsets: the reviewable files in RefSets/ loaded into the workspace (idempotent).
$steward workspace config --namespace 1000202 --country NO --module 51000202101 --language nb >/dev/null
$steward refset sync RefSets --release NO-20250215
$steward refset list
$steward refset show "Kardiologi - hjertesykdommer"
echo
# The daemon on the same data: a FHIR $lookup in Nynorsk and the Kardiologi definition (<< 56265001) expanded as a ValueSet.
$steward serve --port 8089 --quiet-requests 2> "$STEWARD_DATA/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf localhost:8089/ready -o /dev/null && break; sleep 0.2; done
curl -s 'localhost:8089/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=22298006&displayLanguage=nn' |
  python3 -c 'import json,sys; p=json.load(sys.stdin)["parameter"]; print("$lookup 22298006 (nn):", next(x["valueString"] for x in p if x["name"] == "display"))'
curl -s 'localhost:8089/fhir/ValueSet/$expand?url=http://snomed.info/sct?fhir_vs=ecl/%3C%3C%2056265001&count=5&displayLanguage=nb' |
  python3 -c 'import json,sys; e=json.load(sys.stdin)["expansion"]; print("$expand << 56265001:", e["total"], "concepts, first:", ", ".join(c["display"] for c in e.get("contains", [])))'
kill -TERM $server && wait $server
echo "steward serve stopped; start it with: .build/release/steward serve"
