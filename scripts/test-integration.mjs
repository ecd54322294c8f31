#!/usr/bin/env node
// Starts the real stack, runs the integration tests and the UI test against it, and always
// stops the stack, whatever happened: once with Debian's Prometheus 2.x, once with Prometheus 3
// converting the shop's classic histogram to a native one (STACK_PROMETHEUS, scripts/stack.mjs),
// then the Thanos tests against an HA pair of Prometheus 3 behind Thanos Query (STACK_THANOS).
import { spawnSync } from "node:child_process";

const run = (command, args, env) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

function againstStack(title, env, withUi) {
  console.log(`\n== the real stack with ${title}`);
  let status = run(process.execPath, ["scripts/stack.mjs", "start"], env);
  if (status === 0) {
    // Give Prometheus a few scrapes and Jaeger its tail-sampling wait before asserting.
    spawnSync("sleep", ["20"]);
    // The UI test first: the integration tests stop and restart backends, which empties Jaeger.
    if (withUi) status = run("npx", ["playwright", "test", "-c", "playwright.stack.config.ts"], env);
    if (status === 0) status = run("npx", ["vitest", "run", "-c", "vitest.integration.config.mts"], env);
  }
  const stopped = run(process.execPath, ["scripts/stack.mjs", "stop"], env);
  return status || stopped;
}

const passes = [
  () => againstStack("Prometheus 2", { STACK_PROMETHEUS: "2", STACK_THANOS: "0" }, true),
  () => againstStack("Prometheus 3", { STACK_PROMETHEUS: "3", STACK_THANOS: "0" }, true),
  () =>
    againstStack(
      "two Prometheus 3 replicas behind Thanos Query",
      { STACK_PROMETHEUS: "3", STACK_THANOS: "1" },
      false,
    ),
];
let status = 0;
for (const pass of passes) {
  status = pass();
  if (status !== 0) break;
}
process.exit(status);
