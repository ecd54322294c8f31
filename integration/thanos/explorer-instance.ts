import { type ChildProcess, spawn } from "node:child_process";
import { vi } from "vitest";
import { freePort } from "../stack";

/** One more explorer (the production build's server) on a free loopback port, for as long as a test needs it. */
export interface RunningExplorer {
  base: string;
  /** A route's answer as text, failing on anything but 200. */
  text(path: string): Promise<string>;
  /** The server-rendered first rows of the trace a deep link opens (inline or streamed into the HTML). */
  tracePreviewOf(link: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startExplorer(env: Record<string, string>): Promise<RunningExplorer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [".next/standalone/server.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await vi.waitFor(async () => expect200(await fetch(`${base}/api/live`)), {
      timeout: 30_000,
      interval: 250,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const text = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    expect200(response);
    return response.text();
  };
  return {
    base,
    text,
    async tracePreviewOf(link) {
      const html = await text(link);
      const start = html.indexOf('<section aria-label="Trace"');
      if (start < 0) throw new Error(`no trace preview in the page for ${link}`);
      return html.slice(start, html.indexOf("</section>", start));
    },
    stop,
  };
}

function expect200(response: Response) {
  if (response.status !== 200) throw new Error(`${response.url} answered ${response.status}`);
}
