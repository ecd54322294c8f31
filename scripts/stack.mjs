#!/usr/bin/env node
// The real stack on loopback: Jaeger v2 (in memory), Prometheus with exemplar storage, the
// instrumented shop with its load, and the explorer pointed at them.
//
//   node scripts/stack.mjs start   install/build what is missing, start everything, wait until ready
//   node scripts/stack.mjs stop    stop everything this script started
//   node scripts/stack.mjs status
//
// STACK_PROMETHEUS=3 runs Prometheus 3 (built from the Go module proxy) instead of Debian's 2.x,
// converting the shop's classic histogram to a native one (NHCB) as a migrating setup does.
// STACK_THANOS=1 (or `start --thanos`) runs an HA pair instead of one Prometheus: two replicas
// (external label replica="a" / "b") scraping the same shop, a Thanos Sidecar beside each, and
// Thanos Query deduplicating on `replica`; the explorer then asks Thanos Query.
// State lives in .stack/ (logs/, pids/, Prometheus data). The Go builds are kept in a user cache
// folder (JAEGER_BIN_DIR, default ~/.cache/exemplar-explorer/bin) so every clone reuses them.
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const state = join(root, ".stack");
const dirs = {
  bin:
    process.env.JAEGER_BIN_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "exemplar-explorer", "bin"),
  logs: join(state, "logs"),
  pids: join(state, "pids"),
};

export const STACK_PORTS = {
  explorer: 3200,
  jaegerQuery: 16686,
  jaegerQueryGrpc: 16685,
  jaegerOtlpHttp: 4318,
  jaegerHealth: 13133,
  prometheus: 19090,
  prometheusB: 19091,
  thanosSidecarGrpc: 10901,
  thanosSidecarHttp: 10902,
  thanosSidecarBGrpc: 10911,
  thanosSidecarBHttp: 10912,
  thanosQueryGrpc: 10903,
  thanosQuery: 10904,
  gateway: 18080,
  users: 18081,
  orders: 18082,
};
const JAEGER_VERSION = "v1.76.0";
// Prometheus's Go module versions v0.3xx.y are its releases 3.xx.y (stack/prometheus/go.mod pins it).
const PROMETHEUS_3_RELEASE = "3.16.0";
// Thanos's go.mod has `replace` directives, which `go install …@version` refuses: it is built as
// its own main module, in a copy of its module source (v0.42 needs a newer Go than 1.26.8).
const THANOS_VERSION = "v0.41.0";
const host = "127.0.0.1";
const tsx = join(root, "node_modules", ".bin", "tsx");

function log(message) {
  console.log(`[stack] ${message}`);
}

function has(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function asRoot(args) {
  const isRoot = process.getuid?.() === 0;
  execFileSync(isRoot ? args[0] : "sudo", isRoot ? args.slice(1) : args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

function ensurePrometheus() {
  if (has("prometheus")) return;
  log("installing Debian's prometheus package");
  asRoot(["apt-get", "update", "-qq"]);
  asRoot(["apt-get", "install", "-y", "-qq", "prometheus"]);
  // The package starts a system service on :9090; the stack runs its own instance.
  try {
    asRoot(["systemctl", "disable", "--now", "prometheus"]);
  } catch {
    /* no systemd here: nothing was started */
  }
}

export function jaegerBinary() {
  return join(dirs.bin, `jaeger-${JAEGER_VERSION}`);
}

/** A backend built with Go, cached by version: built once (by `build`), then reused by every clone. */
function ensureBuilt(what, binary, took, build) {
  if (existsSync(binary)) return binary;
  if (!has("go"))
    throw new Error(`Go is needed once to build ${what} (https://go.dev/dl); it is not on PATH`);
  log(`building ${what} with Go (once, ${took}; later runs reuse ${binary})`);
  build(binary);
  return binary;
}

function ensureJaeger() {
  return ensureBuilt(`Jaeger ${JAEGER_VERSION}`, jaegerBinary(), "~13 min", (binary) =>
    execFileSync("go", ["build", "-trimpath", "-o", binary, "github.com/jaegertracing/jaeger/cmd/jaeger"], {
      cwd: join(root, "stack", "jaeger"),
      stdio: "inherit",
    }),
  );
}

/** Which Prometheus the stack runs: 2 (Debian's package, the default) or 3 (STACK_PROMETHEUS=3). */
export function prometheusMajor() {
  return process.env.STACK_PROMETHEUS === "3" ? 3 : 2;
}

function prometheus3Binary() {
  return join(dirs.bin, `prometheus-v${PROMETHEUS_3_RELEASE}`);
}

function ensurePrometheus3() {
  return ensureBuilt(`Prometheus ${PROMETHEUS_3_RELEASE}`, prometheus3Binary(), "10-20 min", (binary) =>
    execFileSync(
      "go",
      [
        "build",
        "-trimpath",
        // Without it, /api/v1/status/buildinfo answers an empty version.
        `-ldflags=-X github.com/prometheus/common/version.Version=${PROMETHEUS_3_RELEASE}`,
        "-o",
        binary,
        "github.com/prometheus/prometheus/cmd/prometheus",
      ],
      { cwd: join(root, "stack", "prometheus"), stdio: "inherit" },
    ),
  );
}

/** Whether the stack runs an HA pair behind Thanos Query (STACK_THANOS=1) rather than one Prometheus. */
export function thanosMode() {
  return process.env.STACK_THANOS === "1";
}

export function thanosBinary() {
  return join(dirs.bin, `thanos-${THANOS_VERSION}`);
}

function ensureThanos() {
  return ensureBuilt(`Thanos ${THANOS_VERSION}`, thanosBinary(), "3-15 min", (binary) => {
    const downloaded = JSON.parse(
      execFileSync("go", ["mod", "download", "-json", `github.com/thanos-io/thanos@${THANOS_VERSION}`], {
        encoding: "utf8",
      }),
    );
    // The module cache is read-only; the build needs Thanos as its main module, in a folder of its own.
    const source = join(state, "thanos-source");
    rmSync(source, { recursive: true, force: true });
    cpSync(downloaded.Dir, source, { recursive: true });
    execFileSync("chmod", ["-R", "u+w", source]);
    try {
      execFileSync(
        "go",
        [
          "build",
          "-trimpath",
          // slicelabels: Thanos assumes Prometheus's slice layout of labels; without it the Sidecar
          // crashes in label marshalling as soon as Query connects.
          "-tags=netgo,slicelabels",
          `-ldflags=-X github.com/prometheus/common/version.Version=${THANOS_VERSION.slice(1)}`,
          "-o",
          binary,
          "./cmd/thanos",
        ],
        { cwd: source, stdio: "inherit" },
      );
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  });
}

/** The HA pair's replicas: the first is the stack's usual Prometheus, at its usual port. */
export const PROMETHEUS_REPLICAS = [
  { name: "prometheus", replica: "a", port: STACK_PORTS.prometheus },
  {
    name: "prometheus-b",
    replica: "b",
    port: STACK_PORTS.prometheusB,
  },
];

function prometheusConfig(replica) {
  const targets = [STACK_PORTS.gateway, STACK_PORTS.users, STACK_PORTS.orders].map((p) => `"${host}:${p}"`);
  return [
    "global:",
    "  scrape_interval: 2s",
    "  evaluation_interval: 2s",
    // What a Thanos Sidecar requires, and what Thanos Query deduplicates the pair on.
    ...(replica ? ["  external_labels:", `    replica: ${replica}`] : []),
    "scrape_configs:",
    "  - job_name: shop",
    // Prometheus 3 as many run it while migrating: each classic histogram is also stored as a
    // native one with custom buckets (NHCB), which then holds the exemplars.
    ...(prometheusMajor() === 3
      ? ["    convert_classic_histograms_to_nhcb: true", "    always_scrape_classic_histograms: true"]
      : []),
    "    static_configs:",
    `      - targets: [${targets.join(", ")}]`,
    "    relabel_configs:",
    "      - source_labels: [__address__]",
    "        regex: '.*:18080'",
    "        target_label: service",
    "        replacement: gateway",
    "      - source_labels: [__address__]",
    "        regex: '.*:18081'",
    "        target_label: service",
    "        replacement: users",
    "      - source_labels: [__address__]",
    "        regex: '.*:18082'",
    "        target_label: service",
    "        replacement: orders",
    "",
  ].join("\n");
}

/** Starts a process in its own group, logging to .stack/logs/<name>.log. */
export function startProcess(name, command, args, env = {}) {
  const logFile = openSync(join(dirs.logs, `${name}.log`), "a");
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", logFile, logFile],
    env: { ...process.env, ...env },
  });
  child.unref();
  writeFileSync(join(dirs.pids, `${name}.pid`), String(child.pid));
  return child.pid;
}

async function waitFor(name, url, timeoutMs = 60_000, accept = (r) => r.ok) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (await accept(response)) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `${name} did not become ready at ${url} within ${timeoutMs / 1000} s (${last}); see .stack/logs/${name}.log`,
  );
}

/** The Prometheus the stack runs (STACK_PROMETHEUS), to start more of it in tests. */
export function prometheusCommand() {
  return prometheusMajor() === 3 ? prometheus3Binary() : "prometheus";
}

/** Starts the stack's Prometheus, or one replica of its HA pair (by name) in Thanos mode. */
export function startPrometheus(extraArgs = [], name = "prometheus") {
  const port = PROMETHEUS_REPLICAS.find((r) => r.name === name)?.port ?? STACK_PORTS.prometheus;
  return startProcess(name, prometheusCommand(), [
    `--config.file=${join(state, `${name}.yml`)}`,
    `--storage.tsdb.path=${join(state, `${name}-data`)}`,
    `--web.listen-address=${host}:${port}`,
    "--enable-feature=exemplar-storage",
    // Jaeger's span metrics arrive here (spanMetricsMode).
    ...(spanMetricsMode() && name === "prometheus" ? ["--web.enable-otlp-receiver"] : []),
    "--log.level=warn",
    ...extraArgs,
  ]);
}

export function waitForPrometheus(name = "prometheus") {
  const port = PROMETHEUS_REPLICAS.find((r) => r.name === name)?.port ?? STACK_PORTS.prometheus;
  return waitFor(name, `http://${host}:${port}/-/ready`);
}

/** A Thanos Sidecar beside each replica, serving its data to Thanos Query over gRPC. */
function startThanosSidecars() {
  const ports = [
    [STACK_PORTS.thanosSidecarGrpc, STACK_PORTS.thanosSidecarHttp],
    [STACK_PORTS.thanosSidecarBGrpc, STACK_PORTS.thanosSidecarBHttp],
  ];
  PROMETHEUS_REPLICAS.forEach(({ name, port }, i) => {
    const [grpc, http] = ports[i];
    startProcess(`thanos-sidecar-${name}`, thanosBinary(), [
      "sidecar",
      `--prometheus.url=http://${host}:${port}`,
      `--tsdb.path=${join(state, `${name}-data`)}`,
      `--grpc-address=${host}:${grpc}`,
      `--http-address=${host}:${http}`,
      "--log.level=warn",
    ]);
  });
}

/**
 * Thanos Query over both Sidecars. `dedup: false` leaves out `--query.replica-label`, as a
 * misconfigured setup would: every series and exemplar then comes once per replica.
 */
export function startThanosQuery({
  name = "thanos-query",
  http = STACK_PORTS.thanosQuery,
  grpc = STACK_PORTS.thanosQueryGrpc,
  dedup = true,
} = {}) {
  return startProcess(name, thanosBinary(), [
    "query",
    `--http-address=${host}:${http}`,
    `--grpc-address=${host}:${grpc}`,
    `--endpoint=${host}:${STACK_PORTS.thanosSidecarGrpc}`,
    `--endpoint=${host}:${STACK_PORTS.thanosSidecarBGrpc}`,
    ...(dedup ? ["--query.replica-label=replica"] : []),
    "--log.level=warn",
  ]);
}

/** Ready once Thanos Query answers and sees both Sidecars (it finds them within a few seconds). */
export async function waitForThanosQuery(http = STACK_PORTS.thanosQuery, name = "thanos-query") {
  await waitFor(name, `http://${host}:${http}/-/ready`);
  await waitFor(name, `http://${host}:${http}/api/v1/stores`, 60_000, async (response) => {
    if (!response.ok) return false;
    const stores = (await response.json()).data?.sidecar ?? [];
    return stores.filter((store) => !store.lastError).length === PROMETHEUS_REPLICAS.length;
  });
}

/** The Prometheus API the explorer is pointed at: Thanos Query in Thanos mode. */
export function metricsUrl() {
  return `http://${host}:${thanosMode() ? STACK_PORTS.thanosQuery : STACK_PORTS.prometheus}`;
}

/**
 * Whether Jaeger also pushes span metrics to Prometheus over OTLP (stack/jaeger/spanmetrics.yaml):
 * with Prometheus 3 alone, whose OTLP receiver stores them as a native exponential histogram.
 */
export function spanMetricsMode() {
  return prometheusMajor() === 3 && !thanosMode();
}

export function startJaeger(extraEnv = {}) {
  const configs = ["config.yaml", ...(spanMetricsMode() ? ["spanmetrics.yaml"] : [])];
  const args = configs.flatMap((file) => ["--config", join(root, "stack", "jaeger", file)]);
  return startProcess("jaeger", jaegerBinary(), args, {
    JAEGER_QUERY_PORT: String(STACK_PORTS.jaegerQuery),
    JAEGER_QUERY_GRPC_PORT: String(STACK_PORTS.jaegerQueryGrpc),
    JAEGER_OTLP_HTTP_PORT: String(STACK_PORTS.jaegerOtlpHttp),
    JAEGER_HEALTH_PORT: String(STACK_PORTS.jaegerHealth),
    JAEGER_SPANMETRICS_PROMETHEUS_PORT: String(STACK_PORTS.prometheus),
    // Jaeger would otherwise try to send its own traces to an OTLP endpoint on :4317.
    OTEL_TRACES_EXPORTER: "none",
    OTEL_SDK_DISABLED: "true",
    ...extraEnv,
  });
}

/** Waits until Jaeger answers, and notes when: spans exported before then were lost. */
export async function waitForJaeger() {
  await waitFor("jaeger", `http://${host}:${STACK_PORTS.jaegerQuery}/api/services`);
  writeFileSync(join(state, "jaeger-ready-at"), String(Date.now()));
}

/** When the running Jaeger became ready (epoch ms): traces ending before then may be incomplete. */
export function jaegerReadyAtMs() {
  const file = join(state, "jaeger-ready-at");
  return existsSync(file) ? Number(readFileSync(file, "utf8")) : undefined;
}

async function start() {
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  if (readdirSync(dirs.pids).length > 0) {
    log("already running (or not cleanly stopped): stopping first");
    await stop();
  }
  if (prometheusMajor() === 3) ensurePrometheus3();
  else ensurePrometheus();
  ensureJaeger();
  if (thanosMode()) ensureThanos();
  if (!existsSync(join(root, ".next", "standalone", "server.js"))) {
    log("building the explorer");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
  const replicas = thanosMode() ? PROMETHEUS_REPLICAS : PROMETHEUS_REPLICAS.slice(0, 1);
  for (const { name, replica } of replicas) {
    writeFileSync(join(state, `${name}.yml`), prometheusConfig(thanosMode() ? replica : undefined));
    rmSync(join(state, `${name}-data`), { recursive: true, force: true });
  }

  const metrics = thanosMode()
    ? `two Prometheus ${prometheusMajor()} replicas behind Thanos Query`
    : `Prometheus ${prometheusMajor()}`;
  log(`starting Jaeger, ${metrics}, the shop, its load and the explorer`);
  startJaeger();
  for (const { name } of replicas) startPrometheus([], name);
  for (const service of ["users", "orders", "gateway"])
    startProcess(service, tsx, [join("stack", "shop", "main.ts"), service]);
  // The server itself (not the npm start wrapper), so that its pid is the one to watch.
  startProcess("explorer", process.execPath, [join(".next", "standalone", "server.js")], {
    PORT: String(STACK_PORTS.explorer),
    HOSTNAME: host,
    PROMETHEUS_URL: metricsUrl(),
    JAEGER_URL: `http://${host}:${STACK_PORTS.jaegerQuery}`,
    TRACE_UI_URL: `http://${host}:${STACK_PORTS.jaegerQuery}`,
  });

  await waitForJaeger();
  for (const { name } of replicas) await waitForPrometheus(name);
  if (thanosMode()) {
    startThanosSidecars();
    startThanosQuery();
    await waitForThanosQuery();
  }
  for (const service of ["users", "orders", "gateway"]) {
    await waitFor(service, `http://${host}:${STACK_PORTS[service]}/metrics`);
  }
  startProcess("load", tsx, [join("stack", "shop", "load.ts")]);
  await waitFor("explorer", `http://${host}:${STACK_PORTS.explorer}/api/health`);
  log(
    `ready: explorer http://${host}:${STACK_PORTS.explorer}  Jaeger http://${host}:${STACK_PORTS.jaegerQuery}  ${thanosMode() ? "Thanos Query" : "Prometheus"} ${metricsUrl()}`,
  );
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops one process group started by this script; true when it was running. */
/** The pid of a process this script started, if it runs. */
export function pidOf(name) {
  const file = join(dirs.pids, `${name}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8"));
  return alive(pid) ? pid : undefined;
}

export async function stopProcess(name) {
  const file = join(dirs.pids, `${name}.pid`);
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, "utf8"));
  rmSync(file);
  if (!alive(pid)) return false;
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal("SIGTERM");
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signal("SIGKILL");
  return true;
}

async function stop() {
  if (!existsSync(dirs.pids)) return;
  const names = readdirSync(dirs.pids).map((f) => f.replace(/\.pid$/, ""));
  // The load first, the backends last, so nothing logs errors about the others going away.
  const order = ["load", "explorer", "gateway", "users", "orders", "thanos", "prometheus", "jaeger"];
  const rank = (name) => order.findIndex((prefix) => name.startsWith(prefix));
  names.sort((a, b) => rank(a) - rank(b));
  for (const name of names) if (await stopProcess(name)) log(`stopped ${name}`);
}

function status() {
  if (!existsSync(dirs.pids)) return log("not running");
  for (const file of readdirSync(dirs.pids)) {
    const pid = Number(readFileSync(join(dirs.pids, file), "utf8"));
    log(`${file.replace(/\.pid$/, "")}: ${alive(pid) ? `running (pid ${pid})` : "not running"}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (process.argv.includes("--thanos")) process.env.STACK_THANOS = "1";
  const actions = { start, stop, status };
  if (!actions[command]) {
    console.error("usage: node scripts/stack.mjs start [--thanos]|stop|status");
    process.exit(2);
  }
  try {
    await actions[command]();
  } catch (error) {
    console.error(`[stack] ${error.message}`);
    if (command === "start") await stop();
    process.exit(1);
  }
}
