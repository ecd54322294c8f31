import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Integration tests against the real stack (scripts/stack.mjs), run by scripts/test-integration.mjs. */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
