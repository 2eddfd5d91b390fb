# One image for every Waybill process; docker-compose.yml picks the entry point per service.
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
RUN npm ci --omit=dev --ignore-scripts
COPY packages packages
COPY services services
COPY gateway gateway
COPY schema schema
USER node
