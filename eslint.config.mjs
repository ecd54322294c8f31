import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers of docs/architecture.md, enforced: an import that climbs the wrong way fails the
 * lint. Each pattern matches both the `@/lib/...` alias and relative paths (`../server/...`).
 */
const lib = (folders) => `^(@/lib/|(\\.\\./)+(lib/)?)(${folders.join("|")})(/|$)`;
const SERVER_ONLY = ["server", "auth", "upstream", "metrics", "traces", "demo", "config", "testing"];
const BROWSER_ONLY = ["client"];

const forbid = (folders, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ regex: lib(folders), message }] }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Code that runs in the browser, and the shared model and math it uses.
    files: [
      "app/explore/**",
      "app/layout.tsx",
      "app/page.tsx",
      "app/providers.tsx",
      "components/**",
      "lib/client/**",
      "lib/explore/**",
      "lib/trace-view/**",
      "lib/compare/**",
      "lib/histogram/**",
      "lib/format/**",
      "lib/model/**",
      "lib/errors.ts",
    ],
    // page.tsx files are server components: they may start server work for the page.
    ignores: ["**/*.test.ts", "**/*.test.tsx", "app/**/page.tsx"],
    rules: forbid(
      SERVER_ONLY,
      "Browser and shared code must not import server modules: move the shared type or function to lib/model (or a pure module), see docs/architecture.md.",
    ),
  },
  {
    // The bottom of the server: calling a backend knows nothing of metrics, traces or wiring.
    files: ["lib/upstream/**"],
    ignores: ["**/*.test.ts"],
    rules: forbid(
      ["server", "metrics", "traces", "demo", "client"],
      "lib/upstream is the bottom layer (outgoing HTTP): it may import only lib/model and lib/errors.",
    ),
  },
  {
    // Sources sit between transport and wiring; only lib/server and the routes wire them.
    files: ["lib/metrics/**", "lib/traces/**", "lib/demo/**", "lib/config/**"],
    ignores: ["**/*.test.ts"],
    rules: forbid(
      ["server", "auth", ...BROWSER_ONLY],
      "Sources and config must not import lib/server or lib/auth (the wiring on top of them) or browser code.",
    ),
  },
  {
    files: ["lib/server/**", "lib/auth/**", "app/api/**", "app/auth/**", "proxy.ts"],
    ignores: ["**/*.test.ts"],
    rules: forbid(BROWSER_ONLY, "Server code must not import the browser's fetchers (lib/client)."),
  },
  globalIgnores([
    ".next/**",
    // Written by `npm run test:vercel`; a second `npm test` in the same checkout lints after it.
    ".vercel/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
