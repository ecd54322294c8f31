import { describe, expect, it } from "vitest";
import { SharedAnswers } from "./shared-answers";

function counter(text = "answer") {
  let calls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    load: async () => {
      calls++;
      await gate;
      return text;
    },
    release: () => release(),
    calls: () => calls,
  };
}

describe("SharedAnswers", () => {
  it("loads once for concurrent requests of the same key", async () => {
    const answers = new SharedAnswers({ ttlMs: 10_000, maxSize: 1_000 });
    const loader = counter();
    const all = Array.from({ length: 10 }, () => answers.get("t", loader.load));
    loader.release();
    expect(await Promise.all(all)).toEqual(Array(10).fill("answer"));
    expect(loader.calls()).toBe(1);
  });

  it("keeps an answer for its time to live only", async () => {
    let now = 0;
    const answers = new SharedAnswers({ ttlMs: 1_000, maxSize: 1_000, now: () => now });
    let calls = 0;
    const load = async () => `answer ${++calls}`;
    expect(await answers.get("t", load)).toBe("answer 1");
    now = 999;
    expect(await answers.get("t", load)).toBe("answer 1");
    now = 1_000;
    expect(await answers.get("t", load)).toBe("answer 2");
  });

  it("keeps each answer for the time chosen for it", async () => {
    let now = 0;
    const answers = new SharedAnswers({
      ttlMs: (answer: string) => (answer.startsWith("old") ? 60_000 : 1_000),
      maxSize: 1_000,
      now: () => now,
    });
    let calls = 0;
    const load = (kind: string) => async () => `${kind} ${++calls}`;
    expect(await answers.get("a", load("old"))).toBe("old 1");
    expect(await answers.get("b", load("new"))).toBe("new 2");
    now = 1_000;
    expect(await answers.get("a", load("old"))).toBe("old 1");
    expect(await answers.get("b", load("new"))).toBe("new 3");
    now = 60_000;
    expect(await answers.get("a", load("old"))).toBe("old 4");
  });

  it("does not keep failures: the next request tries again", async () => {
    const answers = new SharedAnswers({ ttlMs: 10_000, maxSize: 1_000 });
    await expect(answers.get("t", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await answers.get("t", async () => "back")).toBe("back");
  });

  it("stays within its size, dropping the oldest answers first", async () => {
    const answers = new SharedAnswers({ ttlMs: 10_000, maxSize: 10 });
    await answers.get("a", async () => "aaaa");
    await answers.get("b", async () => "bbbb");
    await answers.get("c", async () => "cccc");
    let reloaded = "";
    await answers.get("a", async () => (reloaded = "a2"));
    expect(reloaded).toBe("a2");
    // "c" is still kept; an answer larger than the whole cache is served but not kept.
    expect(await answers.get("c", async () => "reloaded")).toBe("cccc");
    await answers.get("huge", async () => "x".repeat(11));
    expect(await answers.get("huge", async () => "again")).toBe("again");
  });

  it("shares but does not keep an answer that is not worth keeping", async () => {
    const answers = new SharedAnswers({ ttlMs: 10_000, maxSize: 1_000, worthKeeping: (t) => t !== "empty" });
    expect(await answers.get("t", async () => "empty")).toBe("empty");
    expect(await answers.get("t", async () => "full")).toBe("full");
    expect(await answers.get("t", async () => "later")).toBe("full");
  });
});
