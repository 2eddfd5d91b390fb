// The five subgraphs and our gateway in this one process (each service exactly as `main.ts` runs
// it, through `runService`), so the benchmark can see each store's operations as they happen.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestNats, type TestNats } from "@waybill/devtools";
import { boundPort, closeServer, listen } from "@waybill/http";
import { createLogger, withTraceContext } from "@waybill/observability";
import { type RunningService, runService } from "@waybill/service";
import { openStore, type Store } from "@waybill/store";
import { billingService } from "@waybill/billing/server";
import { inventoryService } from "@waybill/inventory/server";
import { ordersService } from "@waybill/orders/server";
import { returnsService } from "@waybill/returns/server";
import { shipmentsConfig, shipmentsService } from "@waybill/shipments/server";
import { apiKeyStore } from "../../gateway/src/auth/api-keys.ts";
import { raisedStore } from "../../gateway/src/reconciliation/raised.ts";
import { gatewayConfig } from "../../gateway/src/config.ts";
import { createGateway } from "../../gateway/src/server.ts";
import { inventoryConfig } from "../../services/inventory/src/config.ts";
import type { Endpoint } from "./graphql.ts";

export interface InProcessHub {
  /** Our gateway's GraphQL URL with an admin API key (`authorization: Bearer …`). */
  gateway: Endpoint;
  natsUrl: string;
  services: Record<string, RunningService>;
  stop(): Promise<void>;
}

export async function startInProcess(): Promise<InProcessHub> {
  const nats: TestNats = await startTestNats();
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-roundtrips-"));
  const env = {
    NATS_URL: nats.url,
    DATA_DIR: dataDir,
    PORT: "0",
    LOG_LEVEL: "warn",
    // Shared by the gateway and the subgraphs, which answer only calls the gateway signed.
    INTERNAL_SIGNING_KEY: randomBytes(32).toString("base64url"),
  };
  const services: Record<string, RunningService> = {};
  let gatewayServer: Server | undefined;
  let stopGateway: (() => Promise<void>) | undefined;
  let gatewayStore: Store | undefined;
  const stop = async () => {
    if (gatewayServer) await closeServer(gatewayServer);
    await stopGateway?.();
    await gatewayStore?.close();
    for (const service of Object.values(services)) await service.stop();
    await nats.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const starters = [
      () => runService(ordersService, env),
      () => runService(shipmentsService(shipmentsConfig(env)), env),
      () => runService(inventoryService(inventoryConfig({})), env),
      () => runService(billingService, env),
      () => runService(returnsService, env),
    ];
    for (const [index, start] of starters.entries()) {
      services[["orders", "shipments", "inventory", "billing", "returns"][index] ?? ""] =
        await start();
    }
    const urls: Record<string, string> = {};
    for (const [name, service] of Object.entries(services))
      urls[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${service.port}/graphql`;
    // The rate limit is off: the benchmark is one client sending as fast as it can.
    const config = gatewayConfig({ ...env, RATE_LIMIT_REQUESTS: "0", ...urls });
    gatewayStore = await openStore({ database: "gateway", dataDir });
    const apiKeys = apiKeyStore(gatewayStore);
    const { secret } = await apiKeys.create({ name: "bench", role: "admin", createdBy: "bench" });
    const gateway = await createGateway(config, createLogger("gateway", "warn"), {
      apiKeys,
      raised: raisedStore(gatewayStore),
    });
    stopGateway = () => gateway.stop();
    gatewayServer = await listen(withTraceContext(gateway.handler), 0, "127.0.0.1");
    return {
      gateway: {
        url: `http://127.0.0.1:${boundPort(gatewayServer)}/graphql`,
        headers: { authorization: `Bearer ${secret}` },
      },
      natsUrl: nats.url,
      services,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
