#!/usr/bin/env node
// Starts the real stack, runs the integration tests and the UI test against it, and always
// stops the stack, whatever happened.
import { spawnSync } from "node:child_process";

const run = (command, args) => spawnSync(command, args, { stdio: "inherit" }).status ?? 1;

let status = run(process.execPath, ["scripts/stack.mjs", "start"]);
if (status === 0) {
  // Give Prometheus a few scrapes and Jaeger its tail-sampling wait before asserting.
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  // The UI test first: the integration tests stop and restart backends, which empties Jaeger.
  status = run("npx", ["playwright", "test", "-c", "playwright.stack.config.ts"]);
  if (status === 0) status = run("npx", ["vitest", "run", "-c", "vitest.integration.config.mts"]);
}
const stopped = run(process.execPath, ["scripts/stack.mjs", "stop"]);
process.exit(status || stopped);
