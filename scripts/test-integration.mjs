#!/usr/bin/env node
// Starts the real stack, runs the integration tests and the UI test against it, and always
// stops the stack, whatever happened: once with Debian's Prometheus 2.x, once with Prometheus 3
// converting the shop's classic histogram to a native one (STACK_PROMETHEUS, scripts/stack.mjs).
import { spawnSync } from "node:child_process";

const run = (command, args, env) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

function againstPrometheus(major) {
  const env = { STACK_PROMETHEUS: major };
  console.log(`\n== the real stack with Prometheus ${major}`);
  let status = run(process.execPath, ["scripts/stack.mjs", "start"], env);
  if (status === 0) {
    // Give Prometheus a few scrapes and Jaeger its tail-sampling wait before asserting.
    spawnSync("sleep", ["20"]);
    // The UI test first: the integration tests stop and restart backends, which empties Jaeger.
    status = run("npx", ["playwright", "test", "-c", "playwright.stack.config.ts"], env);
    if (status === 0) status = run("npx", ["vitest", "run", "-c", "vitest.integration.config.mts"], env);
  }
  const stopped = run(process.execPath, ["scripts/stack.mjs", "stop"], env);
  return status || stopped;
}

let status = 0;
for (const major of ["2", "3"]) {
  status = againstPrometheus(major);
  if (status !== 0) break;
}
process.exit(status);
