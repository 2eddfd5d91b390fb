// First: tracing must be installed before Apollo's modules load.
import { tracing } from "./tracing.ts";
import { BusUnreachableError, connectBus } from "@waybill/bus";
import { ConfigError, startOrExit } from "@waybill/config";
import { boundPort, closeServer, listen } from "@waybill/http";
import {
  createLogger,
  createMetrics,
  METRICS_PATH,
  metricsRoute,
  observeHttp,
  withTraceContext,
} from "@waybill/observability";
import { openStore, StoreUnreachableError } from "@waybill/store";
import { apiKeyStore } from "./auth/api-keys.ts";
import { gatewayConfig } from "./config.ts";
import { idempotencyRecords } from "./idempotency/index.ts";
import { raisedStore } from "./reconciliation/raised.ts";
import { readinessRoute, withRoutes } from "./probes.ts";
import { createGateway } from "./server.ts";
import { connectRedis, RedisUnreachableError } from "./shared/redis.ts";
import { WEBHOOK_PREFIX } from "./webhooks.ts";

/** A dependency that cannot be reached at start-up is a configuration error naming its variable. */
const unreachable =
  (variable: string) =>
  (error: unknown): never => {
    if (
      error instanceof BusUnreachableError ||
      error instanceof StoreUnreachableError ||
      error instanceof RedisUnreachableError
    )
      throw new ConfigError(`${variable}: ${error.message}`);
    throw error;
  };

const config = await startOrExit("gateway", () => Promise.resolve(gatewayConfig()));
const logger = createLogger("gateway", config.LOG_LEVEL);
const metrics = createMetrics({ service: "gateway", defaultMetrics: true });
const connectTimeoutMs = config.CONNECT_TIMEOUT_SECONDS * 1_000;
const store = await startOrExit("gateway", () =>
  openStore({
    database: "gateway",
    dataDir: config.DATA_DIR,
    ...(config.MONGODB_URL ? { mongodb: { url: config.MONGODB_URL, connectTimeoutMs } } : {}),
  }).catch(unreachable("MONGODB_URL")),
);
// Subscriptions read the event streams; without NATS they answer a coded error.
const natsUrl = config.NATS_URL;
const bus = natsUrl
  ? await startOrExit("gateway", () =>
      connectBus({ servers: natsUrl, name: "gateway", logger, connectTimeoutMs }).catch(
        unreachable("NATS_URL"),
      ),
    )
  : undefined;
// Shared with the other gateways; without it each counts rate limits on its own.
const redisUrl = config.REDIS_URL;
const redis = redisUrl
  ? await startOrExit("gateway", () =>
      connectRedis(redisUrl, connectTimeoutMs, logger).catch(unreachable("REDIS_URL")),
    )
  : undefined;
const gateway = await createGateway(config, logger, {
  redis,
  metrics,
  apiKeys: apiKeyStore(store),
  raised: raisedStore(store),
  bus,
  idempotency: await idempotencyRecords(store, config.IDEMPOTENCY_TTL_SECONDS),
});
const probes = { [METRICS_PATH]: metricsRoute(metrics), "/readyz": readinessRoute(config) };
const paths = [
  "/graphql",
  "/graphql/stream",
  "/healthz",
  ...Object.keys(probes),
  `${WEBHOOK_PREFIX}*`,
];
const handler = observeHttp(metrics, paths, withRoutes(probes, gateway.handler));
const server = await listen(withTraceContext(handler), config.PORT, config.HOST);
gateway.attach(server);
logger.info({ port: boundPort(server) }, "gateway listening");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void closeServer(server)
      .then(() => gateway.stop())
      .then(() => store.close())
      .then(() => bus?.close())
      .then(() => redis?.quit())
      .then(() => tracing.flush())
      .then(() => process.exit(0));
  });
}
