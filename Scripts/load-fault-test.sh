#!/usr/bin/env bash
# Load-and-fault test of `steward serve`: several clients read (concept detail, search, FHIR $lookup, request
# lists) and write (change requests and comments) for DURATION seconds while the server is stopped with
# SIGTERM and restarted every RESTART_EVERY seconds. Afterwards every write the server acknowledged
# (201) must be in the workspace, the workspace must pass `PRAGMA integrity_check`, and every SIGTERM must
# have ended the server cleanly (exit status 0) with the requests in flight answered.
# Usage: Scripts/load-fault-test.sh [DURATION_SECONDS] [RESTART_EVERY_SECONDS]   (default 120 and 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
duration="${1:-120}"
restart_every="${2:-20}"
swift build -c release --product steward >&2
steward="$PWD/.build/release/steward"
data=$(mktemp -d /tmp/steward-load-fault.XXXXXX)
port=18180
secret=$("$steward" token create --data "$data" --user loader --role author --label load-fault-test)
python3 - "$steward" "$data" "$port" "$secret" "$duration" "$restart_every" <<'PY'
import http.client, json, os, random, signal, sqlite3, subprocess, sys, threading, time, urllib.parse

steward, data, port, secret, duration, restart_every = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), float(sys.argv[6])
auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
lock = threading.Lock()
acknowledged = {"requests": [], "comments": []}
counts = {"reads": 0, "writes": 0, "refused": 0, "unanswered": 0, "bad": 0}
stop = threading.Event()

def start_server():
    log = open(f"{data}/serve.log", "a")
    process = subprocess.Popen([steward, "serve", "--data", data, "--port", str(port), "--quiet-requests"], stdout=log, stderr=log)
    for _ in range(300):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/ready")
            if connection.getresponse().status == 200: return process
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not become ready")

def call(method, path, body=None):
    """(status, json) or None when the server did not answer (stopped or restarting)."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=auth)
        response = connection.getresponse()
        payload = response.read()
        return response.status, (json.loads(payload) if payload and response.getheader("Content-Type", "").find("json") >= 0 else None)
    except ConnectionRefusedError:
        with lock: counts["refused"] += 1
    except (OSError, http.client.HTTPException):
        with lock: counts["unanswered"] += 1
    return None

concepts = ["22298006", "57054005", "414545008", "404684003", "56265001", "82272006", "38341003", "195967001", "13645005"]
queries = ["infarct", "heart", "asthma", "hypertension", "hjerteinfarkt", "cold", "lung"]

def reader(seed):
    rng = random.Random(seed)
    while not stop.is_set():
        path = rng.choice([
            lambda: f"/api/v1/concepts/{rng.choice(concepts)}",
            lambda: f"/api/v1/search?q={urllib.parse.quote(rng.choice(queries))}",
            lambda: f"/fhir/CodeSystem/$lookup?system=http%3A%2F%2Fsnomed.info%2Fsct&code={rng.choice(concepts)}",
            lambda: "/api/v1/requests?limit=5",
        ])()
        result = call("GET", path)
        if result is None: time.sleep(0.05); continue
        with lock:
            counts["reads"] += 1
            if result[0] != 200: counts["bad"] += 1; print("unexpected", result[0], path, result[1], file=sys.stderr)

def writer(seed):
    rng = random.Random(seed)
    number = 0
    while not stop.is_set():
        number += 1
        mine = [r for r in acknowledged["requests"] if r[0] == seed]
        if mine and rng.random() < 0.4:
            request_id = rng.choice(mine)[1]
            text = f"comment {seed}-{number}"
            result = call("POST", f"/api/v1/requests/{request_id}/comments", {"text": text})
            if result is None: time.sleep(0.05); continue
            if result[0] == 201:
                with lock: acknowledged["comments"].append((request_id, text)); counts["writes"] += 1
            else:
                with lock: counts["bad"] += 1; print("comment failed", result, file=sys.stderr)
        else:
            summary = f"load-fault {seed}-{number}"
            body = {"summary": summary, "useCase": "load and fault test", "payload": {"type": "other", "details": summary}}
            result = call("POST", "/api/v1/requests", body)
            if result is None: time.sleep(0.05); continue
            if result[0] == 201:
                with lock: acknowledged["requests"].append((seed, result[1]["id"], summary)); counts["writes"] += 1
            else:
                with lock: counts["bad"] += 1; print("create failed", result, file=sys.stderr)

server = start_server()
threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)] + [threading.Thread(target=writer, args=(100 + i,)) for i in range(3)]
for thread in threads: thread.start()
began = time.time()
restarts, exit_codes, downtimes = 0, [], []
while time.time() - began < duration:
    time.sleep(min(restart_every, max(0, duration - (time.time() - began))))
    if time.time() - began >= duration: break
    stopping = time.time()
    server.send_signal(signal.SIGTERM)
    exit_codes.append(server.wait(timeout=60))
    server = start_server()
    downtimes.append(time.time() - stopping)
    restarts += 1
stop.set()
for thread in threads: thread.join()
server.send_signal(signal.SIGTERM)
exit_codes.append(server.wait(timeout=60))

# Check with the server stopped, straight from the file.
database = sqlite3.connect(f"file:{data}/workspace.sqlite?mode=ro", uri=True)
integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
present = {row[0] for row in database.execute("SELECT id FROM change_request")}
missing_requests = [r for r in acknowledged["requests"] if int(r[1]) not in present]
comments = {(str(row[0]), row[1]) for row in database.execute("SELECT request_id, text FROM request_comment")}
missing_comments = [c for c in acknowledged["comments"] if (str(c[0]), c[1]) not in comments]
print(f"{duration:.0f} s, {restarts} SIGTERM restarts (downtime median {sorted(downtimes)[len(downtimes)//2] if downtimes else 0:.2f} s), exit codes {sorted(set(exit_codes))}")
print(f"reads answered {counts['reads']}, writes acknowledged {counts['writes']} ({len(acknowledged['requests'])} requests, {len(acknowledged['comments'])} comments)")
print(f"refused while down {counts['refused']}, connections dropped without an answer {counts['unanswered']}, unexpected statuses {counts['bad']}")
print(f"missing acknowledged requests {len(missing_requests)}, missing acknowledged comments {len(missing_comments)}, integrity_check: {integrity}")
ok = integrity == "ok" and not missing_requests and not missing_comments and counts["bad"] == 0 and all(code == 0 for code in exit_codes) and counts["writes"] > 0
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
