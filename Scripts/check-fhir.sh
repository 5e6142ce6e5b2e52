#!/usr/bin/env bash
# Checks that Steward's /fhir answers are valid FHIR R4 resources: starts `steward serve` on a temporary
# data directory (the bundled sample releases are imported on start) on a free loopback port, fetches a
# representative set of FHIR responses with curl (metadata, CodeSystem, ValueSet and ConceptMap search/read, $lookup, $validate-code,
# $subsumes, $expand of implicit and posted value sets, ValueSet $validate-code, $translate, and error
# OperationOutcomes), and validates each with the FHIR 4.0.1 models of the Python package fhir.resources
# 6.4.0 (pydantic 1), installed into a venv under /tmp when missing; on top of the models it checks the
# FHIR JSON rules they leave out (no null, empty string, array or object) and the required code bindings of
# the elements Steward writes, and each response's HTTP status and resourceType. Exits non-zero on any
# failure.
#
# Usage: Scripts/check-fhir.sh [STEWARD-BINARY]   (default: builds and uses .build/debug/steward)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

steward=${1:-}
if [[ -z $steward ]]; then
    echo "check-fhir: building steward" >&2
    swift build --product steward >&2
    steward="$(swift build --show-bin-path)/steward"
fi
[[ -x $steward ]] || { echo "check-fhir: no steward binary at $steward" >&2; exit 2; }

venv=${STEWARD_FHIR_VENV:-/tmp/steward-fhir-venv}
if ! "$venv/bin/python" -c 'import fhir.resources as f; assert f.__fhir_version__ == "4.0.1"' 2>/dev/null; then
    echo "check-fhir: installing fhir.resources 6.4.0 (FHIR 4.0.1 models) into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "fhir.resources==6.4.0" "pydantic>=1.8,<2" >&2
fi

work=$(mktemp -d /tmp/steward-check-fhir.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# The sample releases (as `serve` imports them into an empty directory) and the example refsets of
# RefSets/, so the local-refset ValueSet routes have something to answer.
"$steward" import --data "$work/data" "$root/Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z" >/dev/null
"$steward" import --data "$work/data" "$root/Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z" >/dev/null
"$steward" import --data "$work/data" "$root/Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z" \
    "$root/Releases/SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z" >/dev/null
"$steward" workspace config --data "$work/data" --namespace 1000202 --country NO --module 51000202101 --language nb >/dev/null
"$steward" refset sync "$root/RefSets" --data "$work/data" --release NO-20250215 >/dev/null
"$steward" serve --data "$work/data" --host 127.0.0.1 --port "$port" --samples "$root/Releases" --quiet-requests >"$work/serve.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
    if curl -fsS "$base/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "check-fhir: steward serve exited:" >&2
        cat "$work/serve.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "$base/ready" >/dev/null || { echo "check-fhir: server not ready after 120 s" >&2; cat "$work/serve.log" >&2; exit 1; }

mkdir -p "$work/responses"
index=0
# fetch NAME STATUS RESOURCETYPE PATH [JSON-BODY]: a GET, or a POST when a body is given.
fetch() {
    local name=$1 status=$2 type=$3 path=$4 body=${5:-}
    index=$((index + 1))
    local file
    file=$(printf '%s/responses/%02d-%s.json' "$work" "$index" "$name")
    local code
    if [[ -n $body ]]; then
        code=$(curl -sS -o "$file" -w '%{http_code}' -X POST -H 'Content-Type: application/fhir+json' --data-binary "$body" "$base$path")
    else
        code=$(curl -sS -o "$file" -w '%{http_code}' "$base$path")
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$file" "$name" "$status" "$code" "$type" >>"$work/index.tsv"
}

sct=http://snomed.info/sct
int0201="$sct/900000000000207008/version/20250201"
fetch metadata 200 CapabilityStatement "/fhir/metadata"
fetch terminology-capabilities 200 TerminologyCapabilities "/fhir/metadata?mode=terminology"
fetch codesystem-search 200 Bundle "/fhir/CodeSystem?url=$sct"
fetch codesystem-read 200 CodeSystem "/fhir/CodeSystem/sct-NO-20250215"
fetch valueset-search 200 Bundle "/fhir/ValueSet"
fetch valueset-read 200 ValueSet "/fhir/ValueSet/refset-21000202108"
fetch conceptmap-search 200 Bundle "/fhir/ConceptMap?url=$sct%3Ffhir_cm%3D900000000000527005"
fetch conceptmap-read 200 ConceptMap "/fhir/ConceptMap/sct-NO-20250215-447562003"
fetch lookup-en 200 Parameters "/fhir/CodeSystem/\$lookup?system=$sct&code=22298006"
fetch lookup-nb 200 Parameters "/fhir/CodeSystem/\$lookup?system=$sct&code=22298006&displayLanguage=nb"
fetch lookup-concrete-values 200 Parameters "/fhir/CodeSystem/\$lookup?system=$sct&code=322236009&version=$int0201"
fetch lookup-post 200 Parameters "/fhir/CodeSystem/\$lookup" \
    '{"resourceType":"Parameters","parameter":[{"name":"coding","valueCoding":{"system":"http://snomed.info/sct","code":"56265001"}},{"name":"displayLanguage","valueCode":"nn"},{"name":"property","valueCode":"parent"}]}'
fetch lookup-inactive 200 Parameters "/fhir/CodeSystem/\$lookup?system=$sct&code=9900021000202108&version=$int0201"
fetch validate-code-acceptable 200 Parameters "/fhir/CodeSystem/\$validate-code?url=$sct&code=22298006&display=Heart%20attack"
fetch validate-code-wrong-display 200 Parameters "/fhir/CodeSystem/\$validate-code?url=$sct&code=22298006&display=Broken%20leg"
fetch subsumes 200 Parameters "/fhir/CodeSystem/\$subsumes?system=$sct&codeA=404684003&codeB=22298006"
fetch expand-isa 200 ValueSet "/fhir/ValueSet/\$expand?url=$sct%3Ffhir_vs%3Disa%2F404684003&count=5&includeDesignations=true"
fetch expand-ecl 200 ValueSet "/fhir/ValueSet/\$expand?url=$sct%3Ffhir_vs%3Decl%2F%253C%253C%252056265001&displayLanguage=nb"
fetch expand-refset 200 ValueSet "/fhir/ValueSet/\$expand?url=$sct%3Ffhir_vs%3Drefset%2F8800041000202105&filter=hjerte&displayLanguage=nb"
fetch expand-versioned 200 ValueSet "/fhir/ValueSet/\$expand?url=$sct%2F900000000000207008%2Fversion%2F20250101%3Ffhir_vs%3Disa%2F56265001"
fetch expand-compose 200 ValueSet "/fhir/ValueSet/\$expand" \
    '{"resourceType":"Parameters","parameter":[{"name":"valueSet","resource":{"resourceType":"ValueSet","status":"active","compose":{"include":[{"system":"http://snomed.info/sct","filter":[{"property":"concept","op":"is-a","value":"56265001"}]},{"system":"http://snomed.info/sct","concept":[{"code":"195967001"}]}],"exclude":[{"system":"http://snomed.info/sct","filter":[{"property":"constraint","op":"=","value":"<< 49436004"}]}]}}},{"name":"count","valueInteger":20}]}'
fetch expand-bare-valueset 200 ValueSet "/fhir/ValueSet/\$expand" \
    '{"resourceType":"ValueSet","status":"active","compose":{"include":[{"system":"http://snomed.info/sct","filter":[{"property":"concept","op":"in","value":"723264001"}]}]}}'
fetch valueset-validate-code 200 Parameters "/fhir/ValueSet/\$validate-code?url=$sct%3Ffhir_vs%3Disa%2F404684003&system=$sct&code=22298006"
fetch translate-same-as 200 Parameters "/fhir/ConceptMap/\$translate?url=$sct%3Ffhir_cm%3D900000000000527005&system=$sct&code=9900021000202108"
fetch translate-icd10 200 Parameters "/fhir/ConceptMap/\$translate?url=$sct%3Ffhir_cm%3D447562003&system=$sct&code=22298006"
fetch translate-icd10-reverse 200 Parameters "/fhir/ConceptMap/\$translate?url=$sct%3Ffhir_cm%3D447562003&system=http://hl7.org/fhir/sid/icd-10&code=I21.9&reverse=true"
fetch error-unknown-code 404 OperationOutcome "/fhir/CodeSystem/\$lookup?system=$sct&code=840539006&version=$sct/900000000000207008/version/20250101"
fetch error-description-id 400 OperationOutcome "/fhir/CodeSystem/\$lookup?system=$sct&code=10003571000202118"
fetch error-bad-ecl 400 OperationOutcome "/fhir/ValueSet/\$expand?url=$sct%3Ffhir_vs%3Decl%2F%253C%253C%2520AND"
fetch error-unknown-version 404 OperationOutcome "/fhir/CodeSystem/\$lookup?system=$sct&code=22298006&version=$sct/900000000000207008/version/19990101"

"$venv/bin/python" - "$work/index.tsv" <<'PY'
import json
import sys

from fhir.resources import construct_fhir_element

# Rules of FHIR JSON and required bindings that the models do not check themselves.
REQUIRED_CODES = {
    ("ValueSet", "status"): {"draft", "active", "retired", "unknown"},
    ("CodeSystem", "status"): {"draft", "active", "retired", "unknown"},
    ("CodeSystem", "content"): {"not-present", "example", "fragment", "complete", "supplement"},
    ("CodeSystem", "hierarchyMeaning"): {"grouped-by", "is-a", "part-of", "classified-with"},
    ("CapabilityStatement", "status"): {"draft", "active", "retired", "unknown"},
    ("CapabilityStatement", "kind"): {"instance", "capability", "requirements"},
    ("TerminologyCapabilities", "status"): {"draft", "active", "retired", "unknown"},
    ("TerminologyCapabilities", "kind"): {"instance", "capability", "requirements"},
    ("TerminologyCapabilities", "codeSearch"): {"explicit", "all"},
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"},
}
EQUIVALENCE = {"relatedto", "equivalent", "equal", "wider", "subsumes", "narrower", "specializes", "inexact", "unmatched", "disjoint"}
ISSUE_SEVERITY = {"fatal", "error", "warning", "information"}
SUBSUMPTION = {"equivalent", "subsumes", "subsumed-by", "not-subsumed"}


def json_rules(value, path="$"):
    """FHIR JSON: no null, no empty string, array or object anywhere."""
    if value is None:
        yield f"{path} is null"
    elif isinstance(value, str) and value.strip() == "":
        yield f"{path} is an empty string"
    elif isinstance(value, list):
        if not value:
            yield f"{path} is an empty array"
        for index, item in enumerate(value):
            yield from json_rules(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        if not value:
            yield f"{path} is an empty object"
        for key, item in value.items():
            yield from json_rules(item, f"{path}.{key}")


def bindings(data):
    kind = data.get("resourceType")
    for (resource, element), codes in REQUIRED_CODES.items():
        if kind == resource and element in data and data[element] not in codes:
            yield f"{resource}.{element} '{data[element]}' is not in its required value set"
    if kind == "OperationOutcome":
        for issue in data.get("issue", []):
            if issue.get("severity") not in ISSUE_SEVERITY:
                yield f"OperationOutcome severity '{issue.get('severity')}' is not valid"
    if kind == "Parameters":
        for parameter in data.get("parameter", []):
            if parameter.get("name") == "outcome" and parameter.get("valueCode") not in SUBSUMPTION:
                yield f"$subsumes outcome '{parameter.get('valueCode')}' is not a subsumption code"
            if parameter.get("name") == "match":
                for part in parameter.get("part", []):
                    if part.get("name") == "equivalence" and part.get("valueCode") not in EQUIVALENCE:
                        yield f"$translate equivalence '{part.get('valueCode')}' is not a ConceptMapEquivalence code"


passed = failed = 0
for line in open(sys.argv[1], encoding="utf-8"):
    path, name, want_status, status, want_type = line.rstrip("\n").split("\t")
    problem = None
    try:
        data = json.load(open(path, encoding="utf-8"))
    except Exception as error:  # not JSON at all
        data, problem = None, f"not JSON: {error}"
    if problem is None and status != want_status:
        problem = f"HTTP {status}, expected {want_status}: {json.dumps(data)[:300]}"
    if problem is None and data.get("resourceType") != want_type:
        problem = f"resourceType {data.get('resourceType')!r}, expected {want_type}"
    if problem is None:
        try:
            construct_fhir_element(want_type, data)
        except Exception as error:
            problem = "invalid R4 " + want_type + ": " + " ".join(str(error).split())[:600]
    if problem is None:
        rules = list(json_rules(data)) + list(bindings(data))
        if rules:
            problem = "invalid R4 " + want_type + ": " + "; ".join(rules[:5])
    if problem is None:
        passed += 1
        print(f"ok    {name:28} {want_type}")
    else:
        failed += 1
        print(f"FAIL  {name:28} {problem}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
