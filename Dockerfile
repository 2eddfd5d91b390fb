# One image for every Waybill process; docker-compose.yml picks the entry point per service.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY packages/runtime/package.json packages/runtime/
COPY packages/contracts/package.json packages/contracts/
COPY services/orders/package.json services/orders/
COPY services/shipments/package.json services/shipments/
COPY services/inventory/package.json services/inventory/
COPY services/billing/package.json services/billing/
COPY services/returns/package.json services/returns/
COPY gateway/package.json gateway/
RUN npm ci --omit=dev --ignore-scripts
COPY packages packages
COPY services services
COPY gateway gateway
COPY schema schema
USER node
