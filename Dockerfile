# syntax=docker/dockerfile:1
# One image for the gateway and all five subgraphs; docker-compose.yml picks
# the entry point per service, e.g. `tsx subgraphs/bua/src/main.ts`.
FROM node:20-bookworm-slim

WORKDIR /app

# Quieter, offline-friendly npm inside the build.
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Manifests first so the dependency layer is cached until they change. npm ci
# needs every workspace's package.json (keep this list in sync with the
# "workspaces" in package.json).
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/municipality/package.json subgraphs/municipality/
COPY subgraphs/general-practice/package.json subgraphs/general-practice/
COPY subgraphs/bua/package.json subgraphs/bua/
COPY subgraphs/screening/package.json subgraphs/screening/
COPY subgraphs/pathway/package.json subgraphs/pathway/
COPY scripts/package.json scripts/
COPY test/package.json test/

# Plain `npm ci`, not `--omit=dev`: the services run TypeScript directly with
# tsx at runtime. NODE_ENV is only set afterwards, because NODE_ENV=production
# would make npm skip devDependencies.
RUN npm ci && npm cache clean --force

# Sources (see .dockerignore). Owned by root and read-only for the runtime
# user; only DATA_DIR is writable.
COPY . .
RUN mkdir -p /app/.data && chown node:node /app/.data

ENV NODE_ENV=production \
    DATA_DIR=/app/.data \
    PATH=/app/node_modules/.bin:$PATH

# Never run as root: the image's built-in unprivileged `node` user.
USER node

EXPOSE 4000 4001 4002 4003 4004 4005

# Default: the gateway. Compose overrides this per service.
CMD ["tsx", "gateway/src/main.ts"]
