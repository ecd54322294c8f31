import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { generateSyntheticTrace } from "@/lib/demo/synthetic-trace";
import { normalizeJaegerV1Trace } from "@/lib/traces/jaeger-v1";
import { PREVIEW_ROWS, tracePreviewData } from "@/lib/trace-view/preview";
import { TracePreview } from "./trace-preview";

/** The server-rendered first rows of a linked trace: what a shared link shows before any script. */

const trace = normalizeJaegerV1Trace(generateSyntheticTrace(500));

describe("TracePreview", () => {
  it("renders the first rows in tree order, the selected span marked, positioned one under another", () => {
    const selected = trace.spans[3]!.spanId;
    const html = renderToStaticMarkup(
      <TracePreview preview={tracePreviewData(trace)} selectedSpanId={selected} />,
    );
    const rows = html.match(/role="treeitem"/g) ?? [];
    expect(rows).toHaveLength(PREVIEW_ROWS);
    expect(html).toContain('aria-label="Trace preview"');
    expect(html).toContain(`data-span-id="${selected}"`);
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toContain("top:26px");
    expect(html).not.toContain("NaN");
  });

  it("leaves span attributes out of the page, and shows names only as text", () => {
    const hostile = {
      ...trace,
      spans: trace.spans.map((span, i) =>
        i === 0
          ? { ...span, name: "<img src=x onerror=alert(1)>", attributes: { secret: "do-not-ship" } }
          : span,
      ),
    };
    const html = renderToStaticMarkup(<TracePreview preview={tracePreviewData(hostile)} />);
    expect(html).not.toContain("do-not-ship");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
