// Serves the production build (`next build` with output: "standalone") on 127.0.0.1:3000 by
// default (BIND_ADDRESS and PORT change that).
// The standalone server does not copy static assets itself; this does, once.
import { cpSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";

const standalone = ".next/standalone";
if (!existsSync(`${standalone}/server.js`)) {
  console.error("No build found: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}
cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${standalone}/public`, { recursive: true });

const server = spawn(process.execPath, [`${standalone}/server.js`], {
  stdio: "inherit",
  env: {
    ...process.env,
    HOSTNAME: process.env.BIND_ADDRESS ?? "127.0.0.1",
    PORT: process.env.PORT ?? "3000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
