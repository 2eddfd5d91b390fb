import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { erpnextConfig } from "../src/connectors/erpnext/config.ts";
import { createErpnext } from "../src/connectors/erpnext/index.ts";
import { MAPPING } from "./fixtures/connectors.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-connector-config-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const erpnextEnv = (mappingPath: string): NodeJS.ProcessEnv => ({
  ERPNEXT_URL: "https://erp.example.com/",
  ERPNEXT_API_KEY: "key",
  ERPNEXT_API_SECRET: "secret",
  ERPNEXT_MAPPING_FILE: mappingPath,
});

describe("connector configuration", () => {
  it("is off unless named, and refuses unknown connectors and bad schedules", () => {
    expect(connectorsConfig({}).enabled).toEqual([]);
    expect(connectorsConfig({ CONNECTORS: " erpnext, erpnext " }).enabled).toEqual(["erpnext"]);
    expect(() => connectorsConfig({ CONNECTORS: "erpnext,quickbooks" })).toThrow(
      /unknown connector "quickbooks"/,
    );
    expect(() => connectorsConfig({ CONNECTOR_RETRY_SCHEDULE: "0,five" })).toThrow(ConfigError);
    expect(() => connectorsConfig({ CONNECTOR_POLL_MS: "0" })).toThrow(/above 0/);
  });

  it("has no default credentials, takes them from the environment or a file, never both", async () => {
    const mappingPath = join(dir, "mapping.json");
    const env = erpnextEnv(mappingPath);
    expect(() => erpnextConfig({ ...env, ERPNEXT_API_SECRET: undefined })).toThrow(
      "ERPNEXT_API_SECRET (or ERPNEXT_API_SECRET_FILE) is required when CONNECTORS has erpnext",
    );
    const secretPath = join(dir, "secret");
    await writeFile(secretPath, "from-file\n");
    expect(() => erpnextConfig({ ...env, ERPNEXT_API_SECRET_FILE: secretPath })).toThrow(
      "not both",
    );
    const config = erpnextConfig({
      ...env,
      ERPNEXT_API_SECRET: undefined,
      ERPNEXT_API_SECRET_FILE: secretPath,
    });
    expect(config.apiSecret()).toBe("from-file");
    expect(config.url).toBe("https://erp.example.com");
    expect(() => erpnextConfig({ ...env, ERPNEXT_URL: "erp" })).toThrow(/site's URL/);
    expect(() => erpnextConfig({ ...env, ERPNEXT_CONCURRENCY: "2.5" })).toThrow(/whole number/);
  });

  it("validates the mapping file at start-up, naming the variable, the file and the field", async () => {
    const mappingPath = join(dir, "mapping.json");
    const start = () => createErpnext(erpnextConfig(erpnextEnv(mappingPath)));
    expect(start).toThrow(/ERPNEXT_MAPPING_FILE: cannot read/);
    await writeFile(mappingPath, "{ not json");
    expect(start).toThrow(/is not JSON/);
    await writeFile(mappingPath, JSON.stringify({ ...MAPPING, items: { "SKU-MUG": "" } }));
    expect(start).toThrow(/mapping\.json: items\.SKU-MUG: /);
    await writeFile(mappingPath, JSON.stringify({ ...MAPPING, itemCodes: {} }));
    expect(start).toThrow(/Unrecognized key.*itemCodes/);
    await writeFile(mappingPath, JSON.stringify({ ...MAPPING, shipping: undefined }));
    expect(start).toThrow(/shipping: /);
    await writeFile(mappingPath, JSON.stringify(MAPPING));
    const { mapping } = start();
    expect(mapping.current().items["SKU-MUG"]).toBe("MUG-01");
  });
});
