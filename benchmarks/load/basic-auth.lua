-- wrk script for run-load.sh: sends every request with an HTTP Basic header for the credentials in
-- BENCH_CREDENTIALS (user:password), and ends with one machine-readable RESULT line.

local function base64(data)
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local s1 = math.floor(n / 262144) % 64
    local s2 = math.floor(n / 4096) % 64
    local s3 = math.floor(n / 64) % 64
    local s4 = n % 64
    out[#out + 1] = alphabet:sub(s1 + 1, s1 + 1) .. alphabet:sub(s2 + 1, s2 + 1)
      .. (b and alphabet:sub(s3 + 1, s3 + 1) or "=") .. (c and alphabet:sub(s4 + 1, s4 + 1) or "=")
  end
  return table.concat(out)
end

wrk.headers["Authorization"] = "Basic " .. base64(os.getenv("BENCH_CREDENTIALS") or "alice:alice")

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50),
    latency:percentile(99), errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
