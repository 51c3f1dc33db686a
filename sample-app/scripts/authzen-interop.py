#!/usr/bin/env python3
"""Replays the AuthZEN interop suites (todo, API gateway) against a running PDP over HTTP.

Usage: authzen-interop.py [BASE_URL] [API_KEY] [CONFORMANCE_DIR] [search]
  defaults: http://localhost:8080, KEY, ../shared/conformance/authzen

Single evaluations compare the boolean decision; batch evaluations compare the whole
"evaluations" array as exact JSON. With "search", the search scenario's subject, resource and
action searches run too (results compared as sets; the PDP needs search-users.json and
search-records.json loaded). Prints one line per suite and exits non-zero on a failure.
"""
import json
import os
import sys
import urllib.error
import urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
key = sys.argv[2] if len(sys.argv) > 2 else "KEY"
folder = sys.argv[3] if len(sys.argv) > 3 else "../shared/conformance/authzen"


def post(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": key})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def run(name, file):
    with open(os.path.join(folder, file)) as f:
        cases = json.load(f)
    passed = failed = 0
    for case in cases.get("evaluation", []):
        status, body = post("/access/v1/evaluation", case["request"])
        if status == 200 and isinstance(body, dict) and body.get("decision") is case["expected"]:
            passed += 1
        else:
            failed += 1
            print(f"  FAIL {name} evaluation {json.dumps(case['request'])}: HTTP {status} {body}")
    for case in cases.get("evaluations", []):
        status, body = post("/access/v1/evaluations", case["request"])
        if status == 200 and isinstance(body, dict) and body == {"evaluations": case["expected"]}:
            passed += 1
        else:
            failed += 1
            print(f"  FAIL {name} evaluations {json.dumps(case['request'])}: HTTP {status} {body}")
    print(f"{name}: {passed} passed, {failed} failed")
    return failed


def run_search(name, endpoint, file):
    with open(os.path.join(folder, file)) as f:
        cases = json.load(f)
    passed = failed = 0
    key_of = lambda entities: sorted(json.dumps(entity, sort_keys=True) for entity in entities)
    for case in cases["evaluation"]:
        status, body = post("/access/v1/search/" + endpoint, case["request"])
        if status == 200 and isinstance(body, dict) and key_of(body.get("results", [])) == key_of(case["expected"]["results"]):
            passed += 1
        else:
            failed += 1
            print(f"  FAIL {name} {json.dumps(case['request'])}: HTTP {status} {body}")
    print(f"{name}: {passed} passed, {failed} failed")
    return failed


failures = run("authzen-todo", "todo-decisions.json") + run("authzen-gateway", "gateway-decisions.json")
if len(sys.argv) > 4 and sys.argv[4] == "search":
    failures += run_search("authzen-search-subject", "subject", "search-subject-cases.json")
    failures += run_search("authzen-search-resource", "resource", "search-resource-cases.json")
    failures += run_search("authzen-search-action", "action", "search-action-cases.json")
sys.exit(1 if failures else 0)
