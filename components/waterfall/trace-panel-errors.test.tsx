// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { traceQuery } from "@/lib/client/queries";
import { generateSyntheticTrace } from "@/lib/demo/synthetic-trace";
import { normalizeJaegerV1Trace } from "@/lib/traces/jaeger-v1";
import { TracePanel } from "./trace-panel";

// A waterfall that fails to draw, as an unforeseen trace might make it: the panel must hold it.
vi.mock("./waterfall", () => ({
  Waterfall: () => {
    throw new Error('no row for span <img src=x onerror="alert(1)">');
  },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const trace = normalizeJaegerV1Trace(generateSyntheticTrace(50));

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

async function renderPanel() {
  const client = new QueryClient();
  client.setQueryData(traceQuery(trace.traceId).queryKey, trace);
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <QueryClientProvider client={client}>
        <TracePanel
          traceId={trace.traceId}
          traceUiUrl="https://jaeger.example.com"
          onSelectSpan={() => undefined}
          onOpenTrace={() => undefined}
          onCompare={() => undefined}
          onClose={() => undefined}
        />
      </QueryClientProvider>,
    ),
  );
  return { container, unmount: () => act(async () => root.unmount()) };
}

describe("TracePanel when a view fails to draw", () => {
  it("says so in the panel, keeps its controls, and draws another view afresh", async () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { container, unmount } = await renderPanel();
    const alert = container.querySelector("[role=alert]");
    expect(alert?.textContent).toContain("This trace could not be drawn");
    // The failure in words, as text: nothing of it becomes markup.
    expect(alert?.textContent).toContain('no row for span <img src=x onerror="alert(1)">');
    expect(container.querySelector("img")).toBeNull();
    expect(alert?.querySelector("a")?.getAttribute("href")).toBe(
      `https://jaeger.example.com/trace/${trace.traceId}`,
    );
    // The panel's own controls are still there: the other views draw.
    const statistics = [...container.querySelectorAll("[role=tab]")].find(
      (tab) => tab.textContent === "Statistics",
    );
    expect(statistics).toBeDefined();
    await act(async () => (statistics as HTMLButtonElement).click());
    expect(container.querySelector("[role=alert]")).toBeNull();
    expect(statistics?.getAttribute("aria-selected")).toBe("true");
    await unmount();
  });
});
