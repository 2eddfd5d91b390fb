// The five subgraphs and our gateway in this one process (each service exactly as `main.ts` runs
// it, through `runService`), so the benchmark can see each store's operations as they happen.
import type { Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  boundPort,
  closeServer,
  createLogger,
  listen,
  runService,
  withTraceContext,
  type RunningService,
} from "@waybill/runtime";
import { startTestNats, type TestNats } from "@waybill/runtime/testing";
import { billingService } from "@waybill/billing/server";
import { inventoryService } from "@waybill/inventory/server";
import { ordersService } from "@waybill/orders/server";
import { returnsService } from "@waybill/returns/server";
import { shipmentsService } from "@waybill/shipments/server";
import { gatewayConfig } from "../../gateway/src/config.ts";
import { createGateway } from "../../gateway/src/server.ts";
import { inventoryConfig } from "../../services/inventory/src/config.ts";

export interface InProcessHub {
  gatewayUrl: string;
  natsUrl: string;
  services: Record<string, RunningService>;
  stop(): Promise<void>;
}

export async function startInProcess(): Promise<InProcessHub> {
  const nats: TestNats = await startTestNats();
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-roundtrips-"));
  const env = { NATS_URL: nats.url, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn" };
  const services: Record<string, RunningService> = {};
  let gatewayServer: Server | undefined;
  let stopGateway: (() => Promise<void>) | undefined;
  const stop = async () => {
    if (gatewayServer) await closeServer(gatewayServer);
    await stopGateway?.();
    for (const service of Object.values(services)) await service.stop();
    await nats.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const starters = [
      () => runService(ordersService, env),
      () => runService(shipmentsService, env),
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
    const config = gatewayConfig({ PORT: "0", LOG_LEVEL: "warn", ...urls });
    const gateway = await createGateway(config, createLogger("gateway", "warn"));
    stopGateway = () => gateway.stop();
    gatewayServer = await listen(withTraceContext(gateway.handler), 0, "127.0.0.1");
    return {
      gatewayUrl: `http://127.0.0.1:${boundPort(gatewayServer)}/graphql`,
      natsUrl: nats.url,
      services,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
