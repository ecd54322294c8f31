// Answers recorded from a real Prometheus 2.42 (fixtures/prometheus-2.42), changed only to play the
// situations the end-to-end tests need. A replay, not a Prometheus: see README "Tests".
//   /storage-off/...  a Prometheus running without --enable-feature=exemplar-storage
//   /slow/...         a Prometheus that answers after 5 s (the app's timeout is set lower)
//   /hostile/...      exemplars whose labels hold markup, right-to-left marks and long strings,
//                     pointing at the demo world's hostile trace; answers that come with warnings
//                     as a Thanos Query with a replica down gives them (fixtures/thanos-0.41), and
//                     one warning made of markup
import { createServer } from "node:http";
import { readFixture } from "../../lib/testing/fixtures";

const port = Number(process.argv[2] ?? 3190);
const recorded = (name: string) => readFixture(`prometheus-2.42/${name}`);

const HOSTILE_TRACE_ID = "bad0bad0bad0bad0bad0bad0bad0bad0";
const hostileLabels = {
  route: `<img src=x onerror="window.__xss=5">`,
  job: "\u202Eyrtemoeg\u202C",
  method: "B".repeat(3000),
};

function withFlags(enableFeature: string) {
  const flags = JSON.parse(recorded("status_flags.json"));
  return JSON.stringify({ ...flags, data: { ...flags.data, "enable-feature": enableFeature } });
}

function hostileExemplars() {
  const answer = JSON.parse(recorded("query_exemplars_bucket.json")) as {
    data: { seriesLabels: Record<string, string>; exemplars: { labels: Record<string, string> }[] }[];
  };
  for (const series of answer.data) {
    Object.assign(series.seriesLabels, hostileLabels);
    for (const exemplar of series.exemplars) exemplar.labels.trace_id = HOSTILE_TRACE_ID;
  }
  return JSON.stringify(answer);
}

/** The warnings Thanos Query gave with one replica down, plus one of markup. */
function withWarnings(answer: string, thanosAnswer: string): string {
  const { warnings } = JSON.parse(readFixture(`thanos-0.41/${thanosAnswer}`)) as { warnings: string[] };
  return JSON.stringify({
    ...JSON.parse(answer),
    warnings: [...warnings, `<img src=x onerror="window.__xss=6"> store \u202Eyrtemoeg\u202C is down`],
  });
}

const common = {
  "/api/v1/status/buildinfo": () => recorded("status_buildinfo.json"),
  "/api/v1/metadata": () => recorded("metadata.json"),
  "/api/v1/labels": () => recorded("labels_for_metric.json"),
  "/api/v1/label/__name__/values": () => recorded("label_name_values.json"),
  "/api/v1/query_range": () => recorded("query_range_buckets.json"),
};

const scenarios: Record<string, Record<string, () => string>> = {
  "storage-off": {
    ...common,
    "/api/v1/status/flags": () => withFlags(""),
    // With exemplar storage off Prometheus answers an empty list, exactly like "no exemplars".
    "/api/v1/query_exemplars": () => '{"status":"success","data":[]}',
  },
  slow: { ...common, "/api/v1/status/flags": () => withFlags("exemplar-storage") },
  hostile: {
    ...common,
    "/api/v1/status/flags": () => withFlags("exemplar-storage"),
    "/api/v1/query_exemplars": () => withWarnings(hostileExemplars(), "query_exemplars_replica_down.json"),
    "/api/v1/query_range": () =>
      withWarnings(recorded("query_range_buckets.json"), "query_range_replica_down.json"),
  },
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const [, scenario = "", ...rest] = url.pathname.split("/");
  const answer = scenarios[scenario]?.[`/${rest.join("/")}`];
  const send = () => {
    if (!answer) return response.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
    response.writeHead(200, { "Content-Type": "application/json" }).end(answer());
  };
  if (scenario === "slow") setTimeout(send, 5000);
  else send();
});
server.listen(port, "127.0.0.1", () => console.log(`recorded Prometheus answers on 127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
