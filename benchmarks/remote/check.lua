-- wrk script: the Cerbos check RemoteCheckBenchmark makes, sent straight to the PDP.
-- Non-2xx answers show in wrk's summary. Run:
-- wrk -t2 -c16 -d25s -s benchmarks/remote/check.lua http://127.0.0.1:3592/api/check/resources
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-Request-ID"] = "bench"
wrk.body = [[{"requestId":"bench","includeMeta":true,"principal":{"id":"bob","roles":["employee","manager"],"attr":{"department":"engineering","approvalLimit":1000,"type":"user"}},"resources":[{"actions":["approve"],"resource":{"kind":"expense","id":"7","attr":{"owner":"alice","department":"engineering","amount":120.5,"currency":"EUR","status":"SUBMITTED"}}}]}]]

