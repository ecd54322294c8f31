// The standalone server (`output: "standalone"`) does not include static assets; copy them in
// once after `next build`, as Next.js's deployment docs describe.
import { cpSync, existsSync } from "node:fs";

const standalone = ".next/standalone";
cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${standalone}/public`, { recursive: true });
