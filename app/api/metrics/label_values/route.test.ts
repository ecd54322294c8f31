import { describe, expect, it } from "vitest";
import { GET } from "./route";

const call = (query: string) => GET(new Request(`http://localhost/api/metrics/label_values?${query}`));

describe("GET /api/metrics/label_values", () => {
  it("lists a label's values on the histogram's buckets", async () => {
    const response = await call("metric=http_server_request_duration_seconds&label=route");
    expect(response.status).toBe(200);
    const { values } = await response.json();
    expect(values).toContain("/api/v1/orders");
    expect(values).toEqual([...values].sort());
  });

  it.each(["metric=x&label=../../admin", "metric=x%2F..&label=job", "metric=x&label=le", "label=job"])(
    "refuses %s",
    async (query) => {
      const response = await call(query);
      expect(response.status).toBe(400);
    },
  );
});
