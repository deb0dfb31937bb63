-- wrk script of the gateway benchmark: every request carries the benchmark's API key, taken from the
-- environment variable UCP_BENCH_API_KEY (set by gateway-benchmark.sh).
local key = os.getenv("UCP_BENCH_API_KEY")
if key == nil or key == "" then
  error("UCP_BENCH_API_KEY is not set")
end
wrk.headers["X-Api-Key"] = key
