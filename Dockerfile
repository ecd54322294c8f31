# Exemplar Explorer: a multi-stage build of the standalone Next.js server, run as a non-root user.
# Written to the Next.js standalone output documentation; it could not be built on the machine
# where it was written (no container engine there). See README, "Deployment".

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

# The explorer: only the standalone server and its static assets.
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
# Listening on every interface: with PROMETHEUS_URL/JAEGER_URL/TEMPO_URL set, the server refuses
# to start unless people sign in (OIDC_ISSUER and friends), an authenticating proxy names them
# (EXPLORER_TRUSTED_HEADER, EXPLORER_TRUSTED_PROXIES), or EXPLORER_ALLOW_ANONYMOUS=true says open
# access is meant (README, "Security"). Reached at a domain: set EXPLORER_ALLOWED_HOSTS (or
# EXPLORER_PUBLIC_URL with sign-in).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]

# The instrumented demo shop of docker-compose.yml (not needed to run the explorer).
FROM deps AS shop
COPY stack/shop ./stack/shop
COPY tsconfig.json ./
ENV SHOP_BIND=0.0.0.0
USER node
ENTRYPOINT ["node_modules/.bin/tsx"]
