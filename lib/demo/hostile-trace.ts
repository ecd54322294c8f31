import { seededRandom } from "./random";
import { demoSpanId } from "./request-ids";
import { TraceDraft, failSpan, toJaegerV1Trace } from "./trace-draft";

/**
 * A demo trace made of hostile strings, for the tests that prove trace content renders as inert
 * text: markup and script, `javascript:` URLs, control characters, right-to-left overrides and
 * very long values in span names, service names, attributes and events.
 */
export const HOSTILE_TRACE_ID = "bad0bad0bad0bad0bad0bad0bad0bad0";

export const HOSTILE = {
  markup: `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`,
  javascriptUrl: "javascript:window.__xss=3",
  breakingUrl: `https://example.com/"><svg onload="window.__xss=4">`,
  rightToLeft: "\u202Egnp.exe\u202C evil\u200F",
  control: "line1\nline2\r\n\u0000\u0007\u001b[31mred\u001b[0m",
  long: "A".repeat(20_000),
} as const;

export function generateHostileTrace(startUs: number) {
  const draft = new TraceDraft(seededRandom(7));
  const root = draft.add({
    number: 0,
    service: HOSTILE.markup,
    name: `GET ${HOSTILE.markup}`,
    kind: "server",
    startUs,
    durationUs: 120_000,
    tags: {
      "http.url": HOSTILE.javascriptUrl,
      "http.referer": HOSTILE.breakingUrl,
      "user.name": HOSTILE.rightToLeft,
      "log.text": HOSTILE.control,
      "payload.dump": HOSTILE.long,
    },
  });
  const child = draft.add({
    service: HOSTILE.rightToLeft,
    name: HOSTILE.long,
    kind: "client",
    startUs: startUs + 10_000,
    durationUs: 80_000,
    parent: root,
    tags: { [HOSTILE.markup]: HOSTILE.markup },
  });
  failSpan(child, HOSTILE.markup, HOSTILE.control);
  return toJaegerV1Trace(draft, HOSTILE_TRACE_ID, (n) => demoSpanId(HOSTILE_TRACE_ID, n));
}
