import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Someone who clones the repository has nothing beside it: no file may point outside it.
 * (.ci/run also runs the whole suite in a copy with no sibling folders.)
 */

const root = join(__dirname, "..", "..");
// Spelled in pieces so that this file does not match itself.
const SIBLING_PATH = new RegExp(["\\.\\./", "(shared|\\.library)\\b"].join(""));
const OLD_DESIGN_DOC = new RegExp(["DESIGN", "\\.md"].join(""));

function trackedTextFiles(): string[] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0");
  return files.filter((f) => f && !/\.(png|ico|woff2?|sum)$/.test(f) && f !== "package-lock.json");
}

describe("the repository stands alone", () => {
  it("no tracked file refers to a folder beside the repository or to a design document outside it", () => {
    const offenders = trackedTextFiles().filter((file) => {
      const text = readFileSync(join(root, file), "utf8");
      return SIBLING_PATH.test(text) || OLD_DESIGN_DOC.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
