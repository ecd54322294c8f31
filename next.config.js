// @ts-check

const production = process.env.NODE_ENV === "production";

/**
 * Content-Security-Policy. Next.js streams its page data as inline scripts, so without per-request
 * nonces (which would make every page dynamic) `script-src` needs 'unsafe-inline'; 'unsafe-eval'
 * is only allowed in development, where React's fast refresh needs it. Nothing from a backend is
 * ever rendered as HTML, which is what keeps inline script injection out.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone: runs in a container and on Vercel unchanged.
  output: "standalone",
  poweredByHeader: false,
  // `SOURCE_MAPS=1 next build`: browser source maps, to attribute the first load's bytes to modules.
  productionBrowserSourceMaps: process.env.SOURCE_MAPS === "1",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
