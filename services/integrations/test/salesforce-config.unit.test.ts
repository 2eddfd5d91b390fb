import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { createLogger, createMetrics } from "@waybill/observability";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { salesforceConfig } from "../src/connectors/salesforce/config.ts";
import { createSalesforce } from "../src/connectors/salesforce/index.ts";
import { SALESFORCE_MAPPING } from "./fixtures/salesforce.ts";

let dir: string;
let env: NodeJS.ProcessEnv;
let store: TestStore;

const pem = (type: "rsa" | "ec") =>
  (type === "rsa"
    ? generateKeyPairSync("rsa", { modulusLength: 2048 })
    : generateKeyPairSync("ec", { namedCurve: "P-256" })
  ).privateKey.export({ type: "pkcs8", format: "pem" });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-salesforce-config-"));
  store = await openTestStore("integrations");
  await writeFile(join(dir, "mapping.json"), JSON.stringify(SALESFORCE_MAPPING));
  await writeFile(join(dir, "secret"), "s3cret");
  env = {
    SALESFORCE_LOGIN_URL: "https://acme.my.salesforce.com/",
    SALESFORCE_AUTH: "client_credentials",
    SALESFORCE_CLIENT_ID: "3MVG9.consumer.key",
    SALESFORCE_CLIENT_SECRET_FILE: join(dir, "secret"),
    SALESFORCE_MAPPING_FILE: join(dir, "mapping.json"),
  };
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("no ConfigError");
};

const build = (variables: NodeJS.ProcessEnv) =>
  createSalesforce(salesforceConfig(variables), {
    hub: { execute: () => Promise.reject(new Error("not in this test")) },
    store: store.store,
    logger: createLogger("test", "silent"),
    metrics: createMetrics({ service: "test" }),
  });

describe("Salesforce connector configuration", () => {
  it("is a connector CONNECTORS may name, with its settings read and defaults stated", () => {
    expect(connectorsConfig({ CONNECTORS: "salesforce" }).enabled).toEqual(["salesforce"]);
    const config = salesforceConfig(env);
    expect(config).toMatchObject({
      loginUrl: "https://acme.my.salesforce.com",
      apiVersion: "62.0",
      timeoutMs: 30_000,
      concurrency: 2,
      pollMs: 60_000,
      reserve: 0.1,
      grant: { kind: "client_credentials", clientId: "3MVG9.consumer.key" },
    });
    expect(config.grant.kind === "client_credentials" && config.grant.clientSecret()).toBe(
      "s3cret",
    );
    expect(build(env).connector.name).toBe("salesforce");
  });

  it("names the variable that is missing or wrong", () => {
    expect(refused(() => salesforceConfig({ ...env, SALESFORCE_LOGIN_URL: undefined }))).toContain(
      "SALESFORCE_LOGIN_URL",
    );
    expect(
      refused(() =>
        salesforceConfig({ ...env, SALESFORCE_LOGIN_URL: "https://acme.my.salesforce.com/x" }),
      ),
    ).toContain("without a path");
    expect(refused(() => salesforceConfig({ ...env, SALESFORCE_AUTH: "password" }))).toContain(
      "SALESFORCE_AUTH must be client_credentials or jwt_bearer",
    );
    expect(
      refused(() => salesforceConfig({ ...env, SALESFORCE_CLIENT_SECRET_FILE: undefined })),
    ).toContain("SALESFORCE_CLIENT_SECRET (or SALESFORCE_CLIENT_SECRET_FILE) is required");
    expect(refused(() => salesforceConfig({ ...env, SALESFORCE_API_VERSION: "v62" }))).toContain(
      "SALESFORCE_API_VERSION",
    );
    expect(
      refused(() => salesforceConfig({ ...env, SALESFORCE_API_RESERVE_PERCENT: "100" })),
    ).toContain("SALESFORCE_API_RESERVE_PERCENT must be 0 to 99");
  });

  it("takes the JWT bearer flow with a username and an RSA key only", async () => {
    const jwt = { ...env, SALESFORCE_AUTH: "jwt_bearer", SALESFORCE_CLIENT_SECRET_FILE: undefined };
    expect(refused(() => salesforceConfig(jwt))).toContain("SALESFORCE_USERNAME is required");
    await writeFile(join(dir, "ec.pem"), pem("ec"));
    expect(
      refused(() =>
        salesforceConfig({
          ...jwt,
          SALESFORCE_USERNAME: "integration@acme.example",
          SALESFORCE_PRIVATE_KEY_FILE: join(dir, "ec.pem"),
        }),
      ),
    ).toContain("SALESFORCE_PRIVATE_KEY must be an RSA private key");
    await writeFile(join(dir, "rsa.pem"), pem("rsa"));
    const config = salesforceConfig({
      ...jwt,
      SALESFORCE_USERNAME: "integration@acme.example",
      SALESFORCE_PRIVATE_KEY_FILE: join(dir, "rsa.pem"),
    });
    expect(config.grant).toMatchObject({
      kind: "jwt_bearer",
      username: "integration@acme.example",
    });
  });

  it("refuses a mapping that does not validate, naming the file's variable and the entry", async () => {
    await writeFile(
      join(dir, "mapping.json"),
      JSON.stringify({ ...SALESFORCE_MAPPING, closedStatuses: ["Done"] }),
    );
    expect(refused(() => build(env))).toContain(
      "SALESFORCE_MAPPING_FILE: " +
        join(dir, "mapping.json") +
        ": closedStatuses: closedStatuses must include statuses.RESOLVED",
    );
    await writeFile(
      join(dir, "mapping.json"),
      JSON.stringify({ ...SALESFORCE_MAPPING, owners: { "agent.smith": "001Wb0000000001" } }),
    );
    expect(refused(() => build(env))).toContain(
      "owners.agent.smith: must be a User (005...) or Queue (00G...) id",
    );
    await writeFile(
      join(dir, "mapping.json"),
      JSON.stringify({ ...SALESFORCE_MAPPING, contextFields: { carrier: "Carrier" } }),
    );
    expect(refused(() => build(env))).toContain("contextFields.carrier");
  });
});
