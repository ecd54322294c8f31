import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ExplorerError from "./error";

describe("ExplorerError", () => {
  it("says what failed in the browser, as text, and offers a retry and a fresh start", () => {
    const html = renderToStaticMarkup(
      <ExplorerError error={new Error("no bucket <img src=x onerror=alert(1)>")} retry={() => undefined} />,
    );
    expect(html).toContain("The explorer failed to draw this view");
    expect(html).toContain("no bucket &lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
    expect(html).toContain('href="/explore"');
  });

  it("points a server failure to the server's log by its digest (its message is not sent to the browser)", () => {
    const error = Object.assign(new Error("An error occurred in the Server Components render."), {
      digest: "123",
    });
    const html = renderToStaticMarkup(<ExplorerError error={error} retry={() => undefined} />);
    expect(html).toContain("look for 123 in its log");
    expect(html).not.toContain("Server Components render");
  });
});
