/**
 * Drives the shop through its gateway with a mix of fast, slow (N+1, for enterprise customers)
 * and failing requests, a few at a time, until stopped or for LOAD_SECONDS. Loopback only.
 */
const GATEWAY = process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:18080";
const seconds = Number(process.env.LOAD_SECONDS ?? "0");
const concurrency = Number(process.env.LOAD_CONCURRENCY ?? "3");
const deadline = seconds > 0 ? Date.now() + seconds * 1000 : Infinity;
let running = true;

/** The customers' tiers, as shares of the traffic. */
function customerTier(): string {
  const r = Math.random();
  return r < 0.15 ? "enterprise" : r < 0.5 ? "pro" : "free";
}

function nextRequest(): [string, string] {
  const r = Math.random();
  if (r < 0.5) return ["GET", `/api/users/${Math.floor(Math.random() * 1000)}`];
  if (r < 0.8) return ["GET", "/api/orders"];
  return ["POST", Math.random() < 0.15 ? "/api/checkout?fail=1" : "/api/checkout"];
}

async function worker() {
  while (running && Date.now() < deadline) {
    const [method, path] = nextRequest();
    await fetch(`${GATEWAY}${path}`, { method, headers: { "x-customer-tier": customerTier() } })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (running = false));
void Promise.all(Array.from({ length: concurrency }, worker));
