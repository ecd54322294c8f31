import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "./stack";

/**
 * The Dockerfile's runtime stage, reproduced without a container engine: the standalone output
 * copied alone into an empty folder, run as an unprivileged user, answers /api/health and serves
 * /explore with its scripts; and, as behind an authenticating proxy, believes the user header only
 * from the proxy's address. (`npm run build` first; `npm test` does.)
 */

const STANDALONE = ".next/standalone";
let folder: string;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  expect(existsSync(join(STANDALONE, "server.js")), "run `npm run build` first").toBe(true);
  folder = mkdtempSync(join(tmpdir(), "explorer-standalone-"));
  cpSync(STANDALONE, folder, { recursive: true });
  if (process.getuid?.() === 0) {
    // As the image's `COPY --chown`: the unprivileged user owns its files and nothing else.
    chmodSync(folder, 0o755);
    spawnSyncOrThrow("chown", ["-R", "nobody:nogroup", folder]);
  }
  ({ server, base } = await startServer());
}, 60_000);

const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) if (child.pid) process.kill(-child.pid, "SIGTERM");
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** `node server.js` in the copied folder, on 127.0.0.1, as the unprivileged user when we are root. */
async function startServer(
  extraEnv: Record<string, string> = {},
): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production" as const,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    ...extraEnv,
  };
  // setpriv drops to the unprivileged user and then runs node itself (one process to stop).
  const [command, args] =
    process.getuid?.() === 0
      ? ["setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", process.execPath, "server.js"]]
      : [process.execPath, ["server.js"]];
  const child = spawn(command, args as string[], { cwd: folder, env, stdio: "ignore", detached: true });
  started.push(child);
  await vi.waitFor(
    async () => {
      const response = await fetch(`${url}/api/live`);
      expect(response.status).toBe(200);
    },
    { timeout: 30_000, interval: 250 },
  );
  return { server: child, base: url };
}

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

describe("behind an authenticating proxy (trusted-header mode)", () => {
  const trusted = {
    EXPLORER_TRUSTED_HEADER: "X-Forwarded-Email",
    EXPLORER_TRUSTED_GROUPS_HEADER: "X-Forwarded-Groups",
  };
  let throughProxy: string;
  let proxyElsewhere: string;

  beforeAll(async () => {
    // The same requests from 127.0.0.1: once it is the proxy's address, once it is not.
    [{ base: throughProxy }, { base: proxyElsewhere }] = await Promise.all([
      startServer({
        ...trusted,
        EXPLORER_TRUSTED_PROXIES: "127.0.0.1",
        EXPLORER_ALLOWED_EMAIL_DOMAINS: "example.com",
      }),
      startServer({ ...trusted, EXPLORER_TRUSTED_PROXIES: "10.9.0.0/16" }),
    ]);
  }, 60_000);

  it("lets in the user the proxy names, from the proxy's address", async () => {
    const answer = await fetch(`${throughProxy}/api/health`, {
      headers: { "X-Forwarded-Email": "alice@example.com" },
    });
    expect(answer.status).toBe(200);
    const page = await (
      await fetch(`${throughProxy}/explore`, { headers: { "X-Forwarded-Email": "alice@example.com" } })
    ).text();
    expect(page).toContain("alice@example.com");
  });

  it("refuses a request without the header, and a user outside the allowed domains", async () => {
    const anonymous = await fetch(`${throughProxy}/api/health`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.message).toContain("authenticating proxy");
    const outsider = await fetch(`${throughProxy}/api/health`, {
      headers: { "X-Forwarded-Email": "mallory@elsewhere.test" },
    });
    expect(outsider.status).toBe(403);
    expect((await outsider.json()).error.message).toContain(
      "mallory@elsewhere.test may not use this explorer",
    );
  });

  it("believes the header only from the proxy's address, whatever else the request claims", async () => {
    const forged = await fetch(`${proxyElsewhere}/api/health`, {
      headers: {
        "X-Forwarded-Email": "alice@example.com",
        "X-Forwarded-For": "10.9.0.1",
        "X-Real-IP": "10.9.0.1",
        "X-Explorer-Peer-Address": "10.9.0.1",
      },
    });
    expect(forged.status).toBe(401);
    // The load balancer's probe needs no user.
    expect((await fetch(`${proxyElsewhere}/api/live`)).status).toBe(200);
  });
});
