import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExemplarsSection } from "./exemplars-section";

const base = { count: 0, isPending: false, error: null, children: <p>the list</p> };

describe("ExemplarsSection", () => {
  it("names the labels of exemplars without a known trace ID label, and the setting to change", () => {
    const html = renderToStaticMarkup(
      <ExemplarsSection {...base} withoutTraceId={1234} labelsWithoutTraceId={["otel_trace", "span"]} />,
    );
    expect(html).toContain("none names its trace under a known label");
    expect(html).toContain("1,234 exemplars");
    expect(html).toContain("otel_trace, span");
    expect(html).toContain("EXEMPLAR_TRACE_ID_LABELS");
  });

  it("says storage is off before anything else, and shows the list when there are exemplars", () => {
    expect(
      renderToStaticMarkup(<ExemplarsSection {...base} exemplarStorage={false} withoutTraceId={3} />),
    ).toContain("Exemplar storage is off");
    expect(renderToStaticMarkup(<ExemplarsSection {...base} count={2} withoutTraceId={3} />)).toBe(
      "<p>the list</p>",
    );
    expect(renderToStaticMarkup(<ExemplarsSection {...base} />)).toContain("No exemplars in this range");
  });

  it("names the setting of the backend that answered when it says what it is", () => {
    const text = (backend?: "thanos" | "mimir") =>
      renderToStaticMarkup(<ExemplarsSection {...base} backend={backend} />).replace(/<[^>]+>/g, "");
    expect(text("mimir")).toContain("Mimir answered, with none");
    expect(text("mimir")).toContain("max_global_exemplars_per_user above 0 for the tenant");
    expect(text("mimir")).not.toContain("--tsdb.max-exemplars");
    expect(text("thanos")).toContain("Thanos Query answered, with none");
    expect(text("thanos")).toContain("a Prometheus under a Sidecar runs without exemplar storage");
    expect(text("thanos")).toContain("--tsdb.max-exemplars above 0");
    expect(text("thanos")).not.toContain("max_global_exemplars_per_user");
    // Not known: every setting, as before.
    expect(text()).toContain("Prometheus answered, with none");
    expect(text()).toContain("max_global_exemplars_per_user");
  });
});
