import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s4hanaConfig } from "../src/connectors/s4hana/config.ts";
import { createS4hana } from "../src/connectors/s4hana/index.ts";
import { s4hanaMapping } from "../src/connectors/s4hana/mapping.ts";

const MAPPING = {
  salesOrganization: "1710",
  distributionChannel: "10",
  division: "00",
  billingDocumentType: "F2",
  salesOrderChannel: "s4hana",
  materials: { "SKU-MUG": "MZ-MUG-01" },
  warehouses: { "WH-1": { plant: "1710", storageLocation: "171A" } },
};

let dir: string;
let mappingPath: string;
let passwordPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-s4hana-config-"));
  mappingPath = join(dir, "mapping.json");
  passwordPath = join(dir, "password");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  await writeFile(passwordPath, "from-file\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const common = () => ({
  S4HANA_URL: "https://my123456-api.s4hana.cloud.sap/",
  S4HANA_MAPPING_FILE: mappingPath,
});
const base = () => ({ ...common(), S4HANA_USER: "WAYBILL_COMM", S4HANA_PASSWORD: "secret" });

describe("S/4HANA configuration", () => {
  it("reads a communication user, defaults only the timeout and concurrency", () => {
    const config = s4hanaConfig(base());
    expect(config).toMatchObject({
      url: "https://my123456-api.s4hana.cloud.sap",
      timeoutMs: 30_000,
      concurrency: 2,
      auth: { kind: "basic", user: "WAYBILL_COMM" },
    });
    expect(config.auth.kind === "basic" && config.auth.password()).toBe("secret");
  });

  it("reads the password from its file, again on every call", async () => {
    const config = s4hanaConfig({
      ...common(),
      S4HANA_USER: "WAYBILL_COMM",
      S4HANA_PASSWORD_FILE: passwordPath,
    });
    expect(config.auth.kind === "basic" && config.auth.password()).toBe("from-file");
    await writeFile(passwordPath, "rotated");
    expect(config.auth.kind === "basic" && config.auth.password()).toBe("rotated");
  });

  it("takes OAuth client credentials instead of a user", () => {
    const config = s4hanaConfig({
      ...common(),
      S4HANA_OAUTH_TOKEN_URL: "https://my123456.authentication.eu10.hana.ondemand.com/oauth/token",
      S4HANA_CLIENT_ID: "sb-waybill",
      S4HANA_CLIENT_SECRET: "s3cret",
    });
    expect(config.auth).toMatchObject({ kind: "oauth", clientId: "sb-waybill" });
  });

  it.each([
    [{ S4HANA_URL: undefined }, "S4HANA_URL"],
    [{ S4HANA_URL: "not a url" }, "S4HANA_URL"],
    [{ S4HANA_MAPPING_FILE: undefined }, "S4HANA_MAPPING_FILE"],
    [{ S4HANA_PASSWORD: undefined }, "S4HANA_PASSWORD"],
    [{ S4HANA_USER: undefined }, "S4HANA_USER"],
    [{ S4HANA_PASSWORD_FILE: "/nowhere" }, "set S4HANA_PASSWORD or S4HANA_PASSWORD_FILE, not both"],
    [{ S4HANA_CLIENT_ID: "sb-waybill" }, "exclude each other"],
    [{ S4HANA_TIMEOUT_SECONDS: "0" }, "S4HANA_TIMEOUT_SECONDS must be above 0"],
    [{ S4HANA_CONCURRENCY: "1.5" }, "S4HANA_CONCURRENCY must be a whole number"],
  ])("refuses %o, naming %s", (change, message) => {
    expect(() => s4hanaConfig({ ...base(), ...change })).toThrow(message);
  });

  it("refuses OAuth without its secret", () => {
    expect(() =>
      s4hanaConfig({
        ...common(),
        S4HANA_OAUTH_TOKEN_URL: "https://auth.example.com/oauth/token",
        S4HANA_CLIENT_ID: "sb-waybill",
      }),
    ).toThrow("S4HANA_CLIENT_SECRET");
  });
});

describe("S/4HANA mapping", () => {
  it("accepts the documented shape", () => {
    expect(s4hanaMapping.parse(MAPPING)).toEqual(MAPPING);
  });

  it.each([
    [{ ...MAPPING, plant: "1710" }, "plant"],
    [{ ...MAPPING, salesOrganization: "17100" }, "salesOrganization"],
    [{ ...MAPPING, warehouses: { "WH-1": { plant: "1710" } } }, "storageLocation"],
    [{ ...MAPPING, materials: { "SKU-MUG": "" } }, "materials"],
    [
      Object.fromEntries(Object.entries(MAPPING).filter(([key]) => key !== "billingDocumentType")),
      "billingDocumentType",
    ],
  ])("refuses a mapping that is wrong at %s", (mapping, path) => {
    const result = s4hanaMapping.safeParse(mapping);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(path);
  });

  it("stops start-up on an invalid mapping file, naming the variable", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ ...MAPPING, division: "" }));
    expect(() => createS4hana(s4hanaConfig({ ...base(), S4HANA_MAPPING_FILE: bad }))).toThrow(
      /S4HANA_MAPPING_FILE: .*division/,
    );
  });
});
