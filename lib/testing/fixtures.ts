import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The one way tests and test servers read recorded backend answers: from `fixtures/` at the
 * root of this repository (see its README for where each answer comes from).
 */

// `__dirname`, not `import.meta.url`: Playwright loads this module as CommonJS.
const FIXTURES_DIR = join(__dirname, "..", "..", "fixtures");

/** A recorded answer as text, by its path under `fixtures/`, e.g. `prometheus-2.42/metadata.json`. */
export function readFixture(path: string): string {
  if (path.startsWith("/") || path.split("/").includes("..")) {
    throw new Error(`fixture paths stay inside fixtures/: ${path}`);
  }
  return readFileSync(join(FIXTURES_DIR, path), "utf8");
}

/** A recorded JSON answer, parsed. */
function readJsonFixture(path: string): unknown {
  return JSON.parse(readFixture(path));
}

/** The `data` of a recorded Prometheus 2.42 success envelope, e.g. `query_range_p99.json`. */
export function readPrometheusData(name: string): unknown {
  const envelope = readJsonFixture(`prometheus-2.42/${name}`);
  if (typeof envelope !== "object" || envelope === null || !("data" in envelope)) {
    throw new Error(`prometheus-2.42/${name} is not a success envelope`);
  }
  return envelope.data;
}
