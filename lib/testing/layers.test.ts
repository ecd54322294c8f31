import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The lint enforces the layers of docs/architecture.md: an import the wrong way fails it. */

const root = join(__dirname, "..", "..");
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// The first lint loads the whole Next.js config: seconds on a busy machine.
describe("import layers", { timeout: 60_000 }, () => {
  it.each([
    ["components/explorer/probe.tsx", 'import { getSources } from "@/lib/server/sources";'],
    ["lib/trace-view/probe.ts", 'import { matrixData } from "../metrics/prometheus-wire";'],
    ["app/explore/probe.tsx", 'import { getConfig } from "@/lib/config/config";'],
    ["lib/model/probe.ts", 'import { callBackend } from "../upstream/call-backend";'],
    ["lib/upstream/probe.ts", 'import { getSources } from "../server/sources";'],
    ["lib/traces/probe.ts", 'import { getSources } from "../server/sources";'],
    ["lib/server/probe.ts", 'import { traceQuery } from "../client/queries";'],
  ])("%s may not %s", async (file, importLine) => {
    const errors = await layerErrors(
      file,
      `${importLine}\nexport const probe = [${importLine.split(" ")[2]}];\n`,
    );
    expect(errors).toHaveLength(1);
  });

  it.each([
    ["components/explorer/probe.tsx", 'import type { Trace } from "@/lib/model/trace";'],
    ["lib/traces/probe.ts", 'import { callBackend } from "../upstream/call-backend";'],
    ["app/api/probe/route.ts", 'import { getSources } from "@/lib/server/sources";'],
  ])("%s may %s", async (file, importLine) => {
    const errors = await layerErrors(file, `${importLine}\nexport const probe = 1;\n`);
    expect(errors).toEqual([]);
  });
});
