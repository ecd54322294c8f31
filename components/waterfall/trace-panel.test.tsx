import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { traceQuery } from "@/lib/client/queries";
import { generateSyntheticTrace } from "@/lib/demo/synthetic-trace";
import { normalizeJaegerV1Trace } from "@/lib/traces/jaeger-v1";
import { buildSpanTree } from "@/lib/trace-view/span-tree";
import { TracePanel } from "./trace-panel";

/** The panel with a large trace's first rows while the rest is still arriving (lib/client/trace-stream.ts). */

const whole = normalizeJaegerV1Trace(generateSyntheticTrace(3_000));
const firstRows = Array.from(buildSpanTree(whole).order.slice(0, 500), (i) => whole.spans[i]!);

function render(trace: typeof whole, compareTraceId?: string) {
  const client = new QueryClient();
  client.setQueryData(traceQuery(trace.traceId).queryKey, trace);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <TracePanel
        traceId={trace.traceId}
        compareTraceId={compareTraceId}
        onSelectSpan={() => undefined}
        onOpenTrace={() => undefined}
        onCompare={() => undefined}
        onClose={() => undefined}
      />
    </QueryClientProvider>,
  );
}

describe("TracePanel while a large trace arrives", () => {
  it("shows the first rows' waterfall, says how many of how many spans are here, and holds the other views", () => {
    const html = render({ ...whole, spans: firstRows, arriving: { totalSpans: 3_000 } }, "abc");
    expect(html).toMatch(/500 of 3,000 spans here, the rest arriving/);
    expect(html).toContain('aria-label="Trace waterfall"');
    // A comparison asked for by the link waits for the whole trace; so does Statistics.
    expect(html.match(/role="tab"[^>]*disabled=""/g)).toHaveLength(2);
    // Nor is a partial trace downloaded as if it were whole; its errors are "so far".
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Download JSON/);
    expect(html).toMatch(/\d+ errors? so far/);
    expect(html).not.toContain("This trace vs");
  });

  it("is the usual panel once the whole trace is here", () => {
    const html = render(whole);
    expect(html).toMatch(/3,000 spans/);
    expect(html).not.toMatch(/arriving/);
    expect(html).not.toMatch(/disabled=""/);
  });
});
