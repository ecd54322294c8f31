// Answers recorded from a real Prometheus 2.42 (../shared/fixtures), changed only to play the
// situations the end-to-end tests need. A replay, not a Prometheus: see README "Testing".
//   /storage-off/...  a Prometheus running without --enable-feature=exemplar-storage
//   /slow/...         a Prometheus that answers after 5 s (the app's timeout is set lower)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 3190);
const fixtures = new URL("../../../shared/fixtures/prometheus-2.42/", import.meta.url);
const recorded = (name) => readFileSync(new URL(name, fixtures), "utf8");

const flagsWithoutExemplars = JSON.stringify({
  ...JSON.parse(recorded("status_flags.json")),
  data: { ...JSON.parse(recorded("status_flags.json")).data, "enable-feature": "" },
});

const answers = {
  "/api/v1/status/buildinfo": () => recorded("status_buildinfo.json"),
  "/api/v1/status/flags": () => flagsWithoutExemplars,
  "/api/v1/metadata": () => recorded("metadata.json"),
  "/api/v1/labels": () => recorded("labels_for_metric.json"),
  "/api/v1/label/__name__/values": () => recorded("label_name_values.json"),
  "/api/v1/query_range": () => recorded("query_range_buckets.json"),
  // With exemplar storage off Prometheus answers an empty list, exactly like "no exemplars".
  "/api/v1/query_exemplars": () => '{"status":"success","data":[]}',
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const [, scenario, ...rest] = url.pathname.split("/");
  const answer = answers[`/${rest.join("/")}`];
  const send = () => {
    if (!answer) return response.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
    response.writeHead(200, { "Content-Type": "application/json" }).end(answer());
  };
  if (scenario === "slow") setTimeout(send, 5000);
  else send();
});
server.listen(port, "127.0.0.1", () => console.log(`recorded Prometheus answers on 127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
