# One image for the gateway and the four subgraphs; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY platform platform
COPY gateway gateway
COPY subgraphs subgraphs
COPY scripts scripts
COPY schema schema
# npm run build also bundles the development web apps (dist/web; served only with HUB_DEV_TOOLS on)
COPY web web
COPY test/contract/operations.graphql test/contract/operations.graphql
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/schema schema
COPY package.json ./
USER node
CMD ["node", "dist/gateway/main.js"]
