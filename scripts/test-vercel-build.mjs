#!/usr/bin/env node
// `vercel build` of this project, offline, as Vercel builds it (the CLI pinned in package.json):
// proves that a Vercel deployment builds, with a function for every route and the static files.
// It writes .vercel/output and rebuilds .next, so `npm test` runs it last.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const project = ".vercel/project.json";
if (!existsSync(project)) {
  mkdirSync(".vercel", { recursive: true });
  // A linked project's settings, so the build needs no account and no network.
  writeFileSync(
    project,
    JSON.stringify({
      projectId: "prj_local_build_check",
      orgId: "team_local_build_check",
      settings: { framework: "nextjs", nodeVersion: "20.x" },
    }),
  );
}

const build = spawnSync("npx", ["vercel", "build", "--yes"], {
  stdio: "inherit",
  env: { ...process.env, VERCEL_TELEMETRY_DISABLED: "1" },
});

const output = ".vercel/output";
const checks = [
  ["vercel build exits 0", () => build.status === 0],
  [
    "the output is Build Output API v3",
    () => JSON.parse(readFileSync(`${output}/config.json`, "utf8")).version === 3,
  ],
  ["/explore is a function", () => existsSync(`${output}/functions/explore.func`)],
  ...["health", "exemplars", "traces/[traceId]", "metrics/query_range", "metrics/histograms"].map((route) => [
    `/api/${route} is a function`,
    () => existsSync(`${output}/functions/api/${route}.func`),
  ]),
  ["the proxy (Host check) runs in front", () => existsSync(`${output}/functions/_middleware.func`)],
  [
    "the static files are served",
    () => existsSync(`${output}/static/_next/static`) && existsSync(`${output}/static/robots.txt`),
  ],
];
let failed = 0;
for (const [name, check] of checks) {
  let ok = false;
  try {
    ok = check();
  } catch {
    ok = false;
  }
  console.log(`${ok ? "✓" : "✘"} ${name}`);
  if (!ok) failed++;
}
console.log(`vercel build: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
