// Serves the production build on 127.0.0.1:3000 by default (BIND_ADDRESS and PORT change that).
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { anonymousExposureError } from "../lib/config/exposure.mjs";

const server = ".next/standalone/server.js";
if (!existsSync(server) || !existsSync(".next/standalone/.next/static")) {
  console.error("No build found: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

const bindAddress = process.env.BIND_ADDRESS ?? "127.0.0.1";
// Asked before anything listens (the server asks again itself at start-up).
const refusal = anonymousExposureError(process.env, bindAddress);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const child = spawn(process.execPath, [server], {
  stdio: "inherit",
  env: { ...process.env, HOSTNAME: bindAddress, PORT: process.env.PORT ?? "3000" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
