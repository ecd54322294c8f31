import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The Dockerfile's runtime stage, reproduced without a container engine: the standalone output
 * copied alone into an empty folder, run as an unprivileged user, answers /api/health and serves
 * /explore with its scripts. (`npm run build` first; `npm test` does.)
 */

const STANDALONE = ".next/standalone";
let folder: string;
let server: ChildProcess;
let base: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  expect(existsSync(join(STANDALONE, "server.js")), "run `npm run build` first").toBe(true);
  folder = mkdtempSync(join(tmpdir(), "explorer-standalone-"));
  cpSync(STANDALONE, folder, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production" as const,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  };
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // As the image's `COPY --chown`: the unprivileged user owns its files and nothing else;
    // setpriv drops to it and then runs node itself (one process to stop).
    chmodSync(folder, 0o755);
    spawnSyncOrThrow("chown", ["-R", "nobody:nogroup", folder]);
  }
  const [command, args] = asRoot
    ? ["setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", process.execPath, "server.js"]]
    : [process.execPath, ["server.js"]];
  server = spawn(command, args as string[], { cwd: folder, env, stdio: "ignore", detached: true });
  await vi.waitFor(
    async () => {
      const response = await fetch(`${base}/api/health`);
      expect(response.status).toBe(200);
    },
    { timeout: 30_000, interval: 250 },
  );
}, 60_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function spawnSyncOrThrow(command: string, args: string[]) {
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${status}`);
}

describe("the standalone server alone in an empty folder, as an unprivileged user", () => {
  it("runs as a user other than root", () => {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    expect(status).toMatch(/^Uid:\t(\d+)/m);
    expect(/^Uid:\t(\d+)/m.exec(status)![1]).not.toBe("0");
  });

  it("answers /api/health on the demo world", async () => {
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ mode: "demo", metrics: { reachable: true }, traces: { reachable: true } });
  });

  it("serves /explore and every script the page names", async () => {
    const page = await fetch(`${base}/explore`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Exemplar Explorer");
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of new Set(scripts)) {
      expect((await fetch(new URL(src, base))).status, src).toBe(200);
    }
    expect((await fetch(`${base}/robots.txt`)).status).toBe(200);
  });
});

describe("an explorer with real backends that would listen beyond this machine", () => {
  it("refuses to start, in one line, before it listens anywhere", () => {
    const started = spawnSync(process.execPath, ["scripts/start-standalone.mjs"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        BIND_ADDRESS: "0.0.0.0",
        PORT: "3999",
        PROMETHEUS_URL: "http://127.0.0.1:9",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr.trim().split("\n")).toHaveLength(1);
    expect(started.stderr).toMatch(
      /^Refusing to start: PROMETHEUS_URL would be open to anyone who reaches 0\.0\.0\.0/,
    );
    expect(started.stdout).not.toContain("Ready");
  });
});
