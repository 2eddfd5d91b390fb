import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { sapB1Config } from "../src/connectors/sap-b1/config.ts";
import { createSapB1 } from "../src/connectors/sap-b1/index.ts";

let dir: string;
let mappingPath: string;

const MAPPING = {
  customers: { cus_1: "C20000" },
  items: { "SKU-MUG": "A-MUG" },
  taxCodes: { "20": "VAT20" },
  shipping: { itemCode: "S-SHIP", taxCode: "VAT20" },
  charges: {},
};

const env = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  SAP_B1_URL: "https://b1.example.com:50000/b1s/v1/",
  SAP_B1_COMPANY_DB: "SBODEMOGB",
  SAP_B1_USER: "waybill",
  SAP_B1_PASSWORD: "secret",
  SAP_B1_MAPPING_FILE: mappingPath,
  ...overrides,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-sap-b1-config-"));
  mappingPath = join(dir, "mapping.json");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    return error;
  }
  throw new Error("expected a ConfigError");
};

describe("SAP Business One configuration", () => {
  it("reads the Service Layer's root, the company, the user and the limits", () => {
    const config = sapB1Config(env({ SAP_B1_TIMEOUT_SECONDS: "12", SAP_B1_CONCURRENCY: "2" }));
    expect(config).toMatchObject({
      url: "https://b1.example.com:50000",
      companyDb: "SBODEMOGB",
      user: "waybill",
      timeoutMs: 12_000,
      concurrency: 2,
    });
    expect(config.password()).toBe("secret");
    expect(connectorsConfig({ CONNECTORS: "erpnext, sap-b1" }).enabled).toEqual([
      "erpnext",
      "sap-b1",
    ]);
  });

  it("has no default for the address, the company, the user or the password", () => {
    for (const variable of [
      "SAP_B1_URL",
      "SAP_B1_COMPANY_DB",
      "SAP_B1_USER",
      "SAP_B1_MAPPING_FILE",
    ]) {
      const error = failure(() => sapB1Config(env({ [variable]: undefined })));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(variable);
    }
    const missing = failure(() => sapB1Config(env({ SAP_B1_PASSWORD: undefined })));
    expect(missing).toBeInstanceOf(ConfigError);
    expect((missing as Error).message).toBe(
      "SAP_B1_PASSWORD (or SAP_B1_PASSWORD_FILE) is required when CONNECTORS has sap-b1",
    );
    const both = failure(() => sapB1Config(env({ SAP_B1_PASSWORD_FILE: join(dir, "pw") })));
    expect((both as Error).message).toBe("set SAP_B1_PASSWORD or SAP_B1_PASSWORD_FILE, not both");
    const concurrency = failure(() => sapB1Config(env({ SAP_B1_CONCURRENCY: "1.5" })));
    expect((concurrency as Error).message).toContain("SAP_B1_CONCURRENCY must be a whole number");
  });

  it("reads the password from its file on every login", async () => {
    const file = join(dir, "password");
    await writeFile(file, "first\n");
    const config = sapB1Config(env({ SAP_B1_PASSWORD: undefined, SAP_B1_PASSWORD_FILE: file }));
    expect(config.password()).toBe("first");
    await writeFile(file, "second\n");
    expect(config.password()).toBe("second");
  });

  it("validates the mapping file at start-up, naming the variable and each problem", async () => {
    await writeFile(mappingPath, JSON.stringify(MAPPING));
    expect(createSapB1(sapB1Config(env())).mapping.current()).toEqual(MAPPING);

    await writeFile(
      mappingPath,
      JSON.stringify({ ...MAPPING, shipping: { itemCode: "S-SHIP" }, company: "Acme" }),
    );
    const bad = failure(() => createSapB1(sapB1Config(env())));
    expect(bad).toBeInstanceOf(ConfigError);
    const message = (bad as Error).message;
    expect(message).toMatch(/^SAP_B1_MAPPING_FILE: .*mapping\.json: /);
    expect(message).toContain("shipping.taxCode");
    expect(message).toContain('Unrecognized key: "company"');

    await writeFile(mappingPath, "{ not json");
    expect((failure(() => createSapB1(sapB1Config(env()))) as Error).message).toContain(
      "is not JSON",
    );
  });
});
