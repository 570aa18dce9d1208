-- wrk script: optional session cookie from the environment, and a one-line machine-readable
-- summary (requests/s, latency percentiles in ms, errors) for bench/run to tabulate.
local cookie = os.getenv("KB_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("KBRESULT rps=%.0f p50=%.2f p99=%.2f p999=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    errors, summary.requests))
end
