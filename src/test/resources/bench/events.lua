-- Signed Slack events for wrk, as bin/bench sends them.
--
--   wrk -s events.lua URL -- REQUEST_FILE THREADS
--
-- REQUEST_FILE holds one "timestamp<TAB>signature<TAB>body" line per event, signed just before the
-- run (wrk's Lua cannot compute an HMAC). Thread k of THREADS takes lines k, k + THREADS, ...,
-- turns each into a complete request with wrk.format once, in init, and then hands them out in
-- turn, so no two threads send the same event. A thread that runs out starts its share again;
-- done() reports how many requests were such repeats.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local prepared = {}
share = 0
sent = 0

function init(args)
  local file, count = args[1], tonumber(args[2])
  local path = wrk.path
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      local timestamp, signature, body = line:match("^(%d+)\t(%S+)\t(.+)$")
      assert(body, "bad line " .. (n + 1) .. " in " .. file)
      prepared[#prepared + 1] = wrk.format("POST", path, {
        ["Content-Type"] = "application/json",
        ["X-Slack-Request-Timestamp"] = timestamp,
        ["X-Slack-Signature"] = signature,
      }, body)
    end
    n = n + 1
  end
  share = #prepared
  assert(share > 0, "no requests for thread " .. id .. " in " .. file)
end

function request()
  sent = sent + 1
  return prepared[(sent - 1) % share + 1]
end

function done(summary, latency, requests)
  local generated, distinct = 0, 0
  for _, thread in ipairs(threads) do
    local made, own = thread:get("sent"), thread:get("share")
    generated = generated + made
    distinct = distinct + math.min(made, own)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d"
      .. " p50_us=%d p90_us=%d p99_us=%d max_us=%d generated=%d distinct=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    generated, distinct))
end
