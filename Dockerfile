# One image for every Waybill process; docker-compose.yml picks the entry point per service.
# The console is built in a stage of its own; the gateway serves its files (CONSOLE_DIR).
FROM node:24-slim AS console
WORKDIR /app
COPY . .
RUN npm ci --ignore-scripts && npm run build -w @waybill/console

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/config/package.json packages/config/
COPY packages/http/package.json packages/http/
COPY packages/graphql/package.json packages/graphql/
COPY packages/observability/package.json packages/observability/
COPY packages/auth/package.json packages/auth/
COPY packages/store/package.json packages/store/
COPY packages/bus/package.json packages/bus/
COPY packages/service/package.json packages/service/
COPY packages/devtools/package.json packages/devtools/
COPY services/orders/package.json services/orders/
COPY services/shipments/package.json services/shipments/
COPY services/inventory/package.json services/inventory/
COPY services/billing/package.json services/billing/
COPY services/returns/package.json services/returns/
COPY services/integrations/package.json services/integrations/
COPY gateway/package.json gateway/
COPY apps/console/package.json apps/console/
RUN npm ci --omit=dev --ignore-scripts
COPY packages packages
COPY services services
COPY gateway gateway
COPY schema schema
COPY --from=console /app/apps/console/dist apps/console/dist
USER node
