import { secretFromEnv } from "@waybill/config";
import type { BackgroundJob, ServiceRuntime } from "@waybill/service";
import { integrationsConfig } from "../config.ts";
import { hubClient, type Hub } from "../hub/client.ts";
import { connectorRepository, type ConnectorRepository } from "../store/connectors.ts";
import { circuitBreaker } from "./breaker.ts";
import { connectorsConfig, type ConnectorsConfig } from "./config.ts";
import { deliverDue, type ConnectorRun } from "./deliver.ts";
import { ediConfig } from "./edi/config.ts";
import { createEdi } from "./edi/index.ts";
import { erpnextConfig } from "./erpnext/config.ts";
import { createErpnext } from "./erpnext/index.ts";
import { magentoConfig } from "./magento/config.ts";
import { createMagento } from "./magento/index.ts";
import { connectorMetrics } from "./metrics.ts";
import { s4hanaConfig } from "./s4hana/config.ts";
import { createS4hana } from "./s4hana/index.ts";
import { netsuiteConfig } from "./netsuite/config.ts";
import { createNetsuite } from "./netsuite/index.ts";
import { sage200Config } from "./sage200/config.ts";
import { createSage200 } from "./sage200/index.ts";
import { shopifyConfig } from "./shopify/config.ts";
import { createShopify } from "./shopify/index.ts";
import type { Connector } from "./outcome.ts";
import { woocommerceConfig } from "./woocommerce/config.ts";
import { createWoocommerce } from "./woocommerce/index.ts";
import { sapB1Config } from "./sap-b1/config.ts";
import { createSapB1 } from "./sap-b1/index.ts";

/** The connectors switched on, each with its run state, and their shared store. */
export interface Connectors {
  config: ConnectorsConfig;
  repo: ConnectorRepository;
  runs: ConnectorRun[];
}

/** Builds the runs of the given connectors (tests pass theirs; the service builds from env). */
export function createConnectors(
  runtime: ServiceRuntime,
  config: ConnectorsConfig,
  hub: Hub,
  connectors: readonly Connector[],
): Connectors {
  const repo = connectorRepository(runtime.store);
  const metrics = connectorMetrics(runtime.metrics);
  const runs = connectors.map((connector): ConnectorRun => ({
    connector,
    repo,
    store: runtime.store,
    hub,
    breaker: circuitBreaker(config.breakerFailures, config.breakerMs),
    metrics,
    logger: runtime.logger,
    schedule: config.schedule,
    leaseMs: 5 * 60_000,
    pausedUntil: 0,
  }));
  return { config, repo, runs };
}

/** The connectors `CONNECTORS` names, from the environment: off (none) unless configured. */
export function connectorsFromEnv(runtime: ServiceRuntime, env: NodeJS.ProcessEnv): Connectors {
  const config = connectorsConfig(env);
  const built: Connector[] = [];
  if (config.enabled.includes("erpnext")) built.push(createErpnext(erpnextConfig(env)).connector);
  if (config.enabled.includes("s4hana")) built.push(createS4hana(s4hanaConfig(env)).connector);
  if (config.enabled.includes("sap-b1")) built.push(createSapB1(sapB1Config(env)).connector);
  if (config.enabled.includes("netsuite"))
    built.push(createNetsuite(netsuiteConfig(env)).connector);
  if (config.enabled.includes("sage200")) built.push(createSage200(sage200Config(env)).connector);
  if (config.enabled.includes("edi"))
    built.push(createEdi(ediConfig(env), runtime.store, runtime.logger).connector);
  if (config.enabled.includes("shopify"))
    built.push(createShopify(shopifyConfig(env), runtime.logger).connector);
  const hubOf = () =>
    hubClient(integrationsConfig(env).GATEWAY_URL, secretFromEnv(env, "INTERNAL_SIGNING_KEY"));
  if (config.enabled.includes("magento"))
    built.push(createMagento(magentoConfig(env), runtime.store, hubOf(), runtime.logger).connector);
  if (config.enabled.includes("woocommerce"))
    built.push(createWoocommerce(woocommerceConfig(env), runtime.logger).connector);
  const hub =
    built.length === 0
      ? { execute: () => Promise.reject(new Error("no connector is on")) }
      : hubOf();
  return createConnectors(runtime, config, hub, built);
}

const byRuntime = new WeakMap<ServiceRuntime, Connectors>();

/** The service's connectors, configured from the environment once per runtime. */
export function connectorsOf(runtime: ServiceRuntime): Connectors {
  let connectors = byRuntime.get(runtime);
  if (!connectors) {
    connectors = connectorsFromEnv(runtime, process.env);
    byRuntime.set(runtime, connectors);
  }
  return connectors;
}

/** One delivery loop per connector; a pass that found work is followed by another at once. */
export function connectorJobs(connectors: Connectors): BackgroundJob[] {
  return connectors.runs.map((run) => ({
    name: `connector-${run.connector.name}`,
    intervalMs: connectors.config.pollMs,
    run: async () => {
      while ((await deliverDue(run)) > 0);
      await run.connector.poll?.();
    },
  }));
}
