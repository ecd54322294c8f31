// Serves the production build on 127.0.0.1:3000 by default (BIND_ADDRESS and PORT change that).
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";

const server = ".next/standalone/server.js";
if (!existsSync(server) || !existsSync(".next/standalone/.next/static")) {
  console.error("No build found: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

const child = spawn(process.execPath, [server], {
  stdio: "inherit",
  env: {
    ...process.env,
    HOSTNAME: process.env.BIND_ADDRESS ?? "127.0.0.1",
    PORT: process.env.PORT ?? "3000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
