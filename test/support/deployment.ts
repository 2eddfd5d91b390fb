// What the deployment tests share: the real configuration readers of every process, run against
// the environment a deployment file gives it, with the signing key as a file the way it is mounted.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig, secretFromEnv } from "@waybill/config";
import { serviceEnv } from "@waybill/service";
import { gatewayConfig } from "../../gateway/src/config.ts";
import { billingConfig } from "../../services/billing/src/config.ts";
import { integrationsConfig } from "../../services/integrations/src/config.ts";
import { shipmentsConfig } from "../../services/shipments/src/config.ts";
import { SUBGRAPHS } from "../../scripts/subgraphs.ts";

/** Every process a deployment runs, by the entry point it starts. */
export const PROCESSES = [
  ...SUBGRAPHS.map(({ name, port }) => ({
    name,
    port,
    entry: `services/${name}/src/main.ts`,
  })),
  { name: "gateway", port: 4000, entry: "gateway/src/main.ts" },
];

const serviceReaders: Partial<Record<string, (env: NodeJS.ProcessEnv) => unknown>> = {
  billing: billingConfig,
  shipments: shipmentsConfig,
  integrations: integrationsConfig,
};

/**
 * Reads `process`'s configuration from `env` as it does at start-up, with a key file standing in
 * for the mounted secret; throws what the process would refuse to start with.
 */
export function readProcessConfig(process: string, env: NodeJS.ProcessEnv): void {
  const dir = mkdtempSync(join(tmpdir(), "waybill-deployment-"));
  const keyFile = join(dir, "internal_signing_key");
  writeFileSync(keyFile, "k".repeat(48));
  try {
    const withKey = { ...env, INTERNAL_SIGNING_KEY_FILE: keyFile };
    secretFromEnv(withKey, "INTERNAL_SIGNING_KEY");
    if (process === "gateway") {
      gatewayConfig(withKey);
      return;
    }
    readConfig(serviceEnv, withKey);
    serviceReaders[process]?.(withKey);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The routes of a NATS server configuration file (`nats-route://host:port`), as host:port. */
export function natsRoutes(conf: string): string[] {
  return [...conf.matchAll(/nats-route:\/\/([\w.-]+:\d+)/g)].map((match) => match[1] ?? "");
}
