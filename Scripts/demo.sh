#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled samples: build, import the two International
# versions and the Norwegian edition, list them, and show a concept in Bokmål, Nynorsk and English.
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
