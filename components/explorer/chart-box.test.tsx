// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type BoxSize, ChartBox, RESIZE_THROTTLE_MS } from "./chart-box";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The box's size as the page lays it out, and a ResizeObserver this test reports changes to. */
let layout: BoxSize;
let reportResize: ((size: BoxSize) => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  layout = { width: 800, height: 300 };
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(
    () => ({ ...layout, x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0 }) as DOMRect,
  );
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: (entries: { contentRect: BoxSize }[]) => void) {
        reportResize = (size) => callback([{ contentRect: size }]);
      }
      observe() {}
      disconnect() {
        reportResize = undefined;
      }
    },
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

async function renderBox() {
  const drawn: string[] = [];
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <ChartBox>
        {({ width, height }) => {
          drawn.push(`${width}x${height}`);
          return <svg width={width} height={height} />;
        }}
      </ChartBox>,
    ),
  );
  const resize = (size: BoxSize) => act(async () => reportResize!(size));
  const wait = (ms: number) => act(async () => vi.advanceTimersByTime(ms));
  return { drawn, resize, wait, unmount: () => act(async () => root.unmount()) };
}

describe("ChartBox", () => {
  it("draws its chart at once at the box's size", async () => {
    const { drawn } = await renderBox();
    expect(drawn).toEqual(["800x300"]);
  });

  it("redraws a burst of changes at most every 250 ms, ending at the latest size", async () => {
    const { drawn, resize, wait } = await renderBox();
    for (let width = 790; width >= 600; width -= 10) {
      await resize({ width, height: 300 });
      await wait(16);
    }
    // 20 changes over 320 ms: one redraw 250 ms after the first, one for the rest.
    await wait(RESIZE_THROTTLE_MS);
    expect(drawn).toEqual(["800x300", "640x300", "600x300"]);
  });

  it("still waits after a burst whose last change came just past 250 ms (where recharts' own throttle sticks and then redraws at once)", async () => {
    const { drawn, resize, wait } = await renderBox();
    for (const [width, after] of [
      [780, 100],
      [760, 100],
      [740, 60],
      [720, 0],
    ] as const) {
      await resize({ width, height: 300 });
      await wait(after);
    }
    await wait(5_000);
    expect(drawn.at(-1)).toBe("720x300");
    // A trace opens beside the charts: the waterfall draws first, the charts 250 ms later.
    const before = drawn.length;
    await resize({ width: 500, height: 300 });
    await wait(RESIZE_THROTTLE_MS - 1);
    expect(drawn).toHaveLength(before);
    await wait(1);
    expect(drawn.slice(before)).toEqual(["500x300"]);
  });

  it("takes the observer's first report (the size it has) for no change: a change soon after still waits 250 ms", async () => {
    const { drawn, resize, wait } = await renderBox();
    await resize({ width: 800, height: 300 });
    await wait(200);
    await resize({ width: 500, height: 300 });
    await wait(RESIZE_THROTTLE_MS - 1);
    expect(drawn).toEqual(["800x300"]);
    await wait(1);
    expect(drawn).toEqual(["800x300", "500x300"]);
  });

  it("draws nothing in an empty box, and draws at once when it gets a size", async () => {
    layout = { width: 0, height: 0 };
    const { drawn, resize } = await renderBox();
    expect(drawn).toEqual([]);
    await resize({ width: 640, height: 256.4 });
    expect(drawn).toEqual(["640x256"]);
  });

  it("stops watching the box when it goes", async () => {
    const { resize, unmount } = await renderBox();
    await resize({ width: 700, height: 300 });
    await unmount();
    expect(reportResize).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});
