import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Integration tests against the real stack (scripts/stack.mjs), run by scripts/test-integration.mjs:
 * integration/*.test.ts against one Prometheus, integration/thanos/ against the stack's Thanos
 * mode (STACK_THANOS=1: an HA pair of Prometheus behind Thanos Query).
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: [process.env.STACK_THANOS === "1" ? "integration/thanos/*.test.ts" : "integration/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
