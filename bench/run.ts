/**
 * `npm run bench`: measures the performance budget of docs/architecture.md and writes bench/results/
 * latest.json and latest.md. Benchmarks report; they never fail on a slow machine.
 *   --no-stack      skip the proxy benchmark (it starts the real stack)
 *   --report-only   rewrite latest.md from latest.json (and bench/results/changes.md) without measuring
 *   --jaeger-ui DIR time a shared link against Jaeger UI, whose production build is in DIR
 *   --viewers-only  with --jaeger-ui: only that comparison (written to bench/results/viewers.json)
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, release } from "node:os";
import {
  benchExemplars,
  benchOpenTrace,
  benchScroll,
  benchTraceDiff,
  benchWaterfall,
  firstLoadJs,
  launch,
} from "./browser";
import { benchComparison } from "./compare";
import { benchNormalization } from "./normalize";
import { waitUntilAnswers } from "./stats";
import { benchProxy } from "./proxy";
import { benchViewers } from "./viewers";

const BENCH_PORT = 3300;
const base = `http://127.0.0.1:${BENCH_PORT}`;
const withStack = !process.argv.includes("--no-stack");
const jaegerUiFlag = process.argv.indexOf("--jaeger-ui");
const jaegerUiDir = jaegerUiFlag > 0 ? process.argv[jaegerUiFlag + 1] : undefined;

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function versionOf(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8" }).split("\n")[0]!.trim();
  } catch {
    return "not found";
  }
}

async function main() {
  if (process.argv.includes("--report-only")) {
    writeFileSync(
      "bench/results/latest.md",
      toMarkdown(JSON.parse(readFileSync("bench/results/latest.json", "utf8"))),
    );
    formatReports();
    return;
  }
  if (!existsSync(".next/standalone/server.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  if (process.argv.includes("--viewers-only")) {
    if (!jaegerUiDir) throw new Error("--viewers-only needs --jaeger-ui DIR");
    const browser = await launch();
    try {
      const viewers = await benchViewers(browser, { jaegerUiDir, explorerPort: BENCH_PORT + 1 });
      mkdirSync("bench/results", { recursive: true });
      writeFileSync(
        "bench/results/viewers.json",
        `${JSON.stringify({ date: new Date().toISOString(), ...viewers }, null, 2)}\n`,
      );
      log(`shared link vs Jaeger UI: ${JSON.stringify(viewers)}`);
    } finally {
      await browser.close();
    }
    return;
  }
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 1024 ** 3),
      kernel: release(),
    },
    versions: {
      node: process.version,
      next: JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version,
      react: JSON.parse(readFileSync("node_modules/react/package.json", "utf8")).version,
      chromium: versionOf(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"]),
      prometheus: versionOf("prometheus", ["--version"]),
    },
  };

  log("normalization in Node (50,000 spans)");
  report.normalization = benchNormalization(50_000, 5);
  log("comparison math in Node (cohorts of 40 traces, two-trace diff)");
  report.comparison = benchComparison();

  log(`browser benchmarks against the demo world on ${base}`);
  const server = spawn(process.execPath, [".next/standalone/server.js"], {
    env: { ...process.env, PORT: String(BENCH_PORT), HOSTNAME: "127.0.0.1" },
    stdio: "ignore",
  });
  try {
    await waitUntilAnswers(`${base}/api/health`);
    const browser = await launch();
    try {
      report.waterfall = await benchWaterfall(browser, base);
      report.scroll50k = await benchScroll(browser, base);
      report.traceDiff = await benchTraceDiff(browser, base);
      if (jaegerUiDir) {
        log("a shared link against Jaeger UI, same traces, same run");
        report.viewers = await benchViewers(browser, { jaegerUiDir, explorerPort: BENCH_PORT + 1 });
      }
      report.exemplars = await benchExemplars(browser, base, [
        { label: "~1k", query: 'http_server_request_duration_seconds{job="api-gateway"}', from: "now-1h" },
        { label: "~20k", query: "http_server_request_duration_seconds", from: "now-6h" },
        { label: "~100k", query: "http_server_request_duration_seconds", from: "now-24h" },
      ]);
      report.openTrace = await benchOpenTrace(browser, base);
    } finally {
      await browser.close();
    }
    report.firstLoadJs = await firstLoadJs(base);
  } finally {
    server.kill("SIGTERM");
  }

  if (withStack) {
    log("proxy overhead on the real stack");
    execFileSync(process.execPath, ["scripts/stack.mjs", "start"], { stdio: "inherit" });
    try {
      await new Promise((r) => setTimeout(r, 25_000));
      report.proxy = await benchProxy(
        "http://127.0.0.1:3200",
        "http://127.0.0.1:16686",
        "http://127.0.0.1:19090",
      );
    } finally {
      execFileSync(process.execPath, ["scripts/stack.mjs", "stop"], { stdio: "inherit" });
    }
  }

  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync("bench/results/latest.md", toMarkdown(report));
  formatReports();
  log("wrote bench/results/latest.json and latest.md");
}

/** The reports are committed: keep them as the format check wants them. */
function formatReports() {
  execFileSync("npx", ["prettier", "--write", "bench/results/latest.json", "bench/results/latest.md"], {
    stdio: "ignore",
  });
}

type Row = Record<string, unknown>;

function table(rows: Record<string, Row>, key: string): string {
  const entries = Object.entries(rows);
  if (entries.length === 0) return "";
  const columns = Object.keys(entries[0]![1]);
  return [
    `| ${key} | ${columns.join(" | ")} |`,
    `| --- | ${columns.map(() => "---").join(" | ")} |`,
    ...entries.map(([name, row]) => `| ${name} | ${columns.map((c) => format(row[c])).join(" | ")} |`),
  ].join("\n");
}

function format(value: unknown): string {
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  return String(value);
}

function toMarkdown(r: Record<string, unknown>): string {
  const machine = r.machine as Row;
  const proxy = r.proxy as { results: Record<string, Row>; secondsPerRun: number } | undefined;
  return `# Benchmark results

${r.date} · ${machine.cores} × ${machine.cpu} · ${machine.memoryGB} GB · ${format(r.versions)}

Medians of several runs. Reproduce with \`npm run bench\`.

## Waterfall (headless Chromium, synthetic traces)

Response received → rows on screen, next to \`JSON.parse\` of the same payload in the same page.
"navigationToRowsMs" is a deep link straight to the trace, from navigation start.

${table(r.waterfall as Record<string, Row>, "spans")}

Scrolling the 50,000-span trace top to bottom: ${format(r.scroll50k)}.

${r.traceDiff ? `Two traces held against each other by a link (\`trace\` + \`compare\`), navigation → aligned rows, and the longest task meanwhile:\n\n${table(r.traceDiff as Record<string, Row>, "traces")}` : ""}

${r.viewers ? viewersSection(r.viewers as Viewers) : ""}## Exemplars (demo world)

${table(r.exemplars as Record<string, Row>, "case")}
${r.openTrace ? `\nA 1,000-span trace opened in a settled page (its link's \`trace\` set, as a click sets it) → its first rows in a frame: ${format(r.openTrace)}.\n` : ""}
## Normalization in Node (50,000 spans)

${table(r.normalization as Record<string, Row>, "format")}

${
  r.comparison
    ? `## Comparing slow requests with typical ones (in Node, the functions the browser runs)

${table(r.comparison as Record<string, Row>, "case")}

`
    : ""
}## First-load JavaScript of /explore

${format(r.firstLoadJs)}

${proxy ? `## Proxy overhead on the real stack (keep-alive fetch loop, ${proxy.secondsPerRun} s per run)\n\n${table(proxy.results, "route @ connections")}\n` : ""}${changes()}`;
}

type Viewers = { runs: number; blankPageMs: number; results: Record<string, Row> };

function viewersSection(v: Viewers): string {
  return `## A shared link against Jaeger UI (same traces, same run)

Navigation → first rows on screen, median of ${v.runs} interleaved runs; \`ratio\` is ours over
Jaeger UI's (the goal is 0.4 or less). \`explorerFirstOpenMs\` is our first run alone: the server's
first sight of the trace (the later runs share its normalized answer, as the colleagues a pasted
link reaches do). A blank page with one element takes ${v.blankPageMs} ms by the same measure.

${table(v.results, "spans")}

`;
}

/** The hand-kept log of what was changed to meet the budget, with figures before and after. */
function changes(): string {
  const file = "bench/results/changes.md";
  return existsSync(file) ? `\n${readFileSync(file, "utf8")}` : "";
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
