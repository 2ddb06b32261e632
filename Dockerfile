# syntax=docker/dockerfile:1
# Sandbridge API image. Build: `docker build -t sandbridge .`; run with docker-compose.yml, or alone
# on the embedded database, which production needs chosen explicitly (one API process, no replicas):
#   docker run -p 3000:3000 -e JWT_SECRET="$(openssl rand -hex 32)" -e EMBEDDED_DATABASE_IN_PRODUCTION=true \
#     -v sb-data:/app/data sandbridge

# --- build: all dependencies, compile TypeScript to dist/ -----------------------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY config ./config
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# --- runtime: production dependencies and the compiled code only ---------------------------------
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The embedded database (used when DATABASE_URL is unset and EMBEDDED_DATABASE_IN_PRODUCTION=true)
# lives in /app/data, writable by `node`.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
