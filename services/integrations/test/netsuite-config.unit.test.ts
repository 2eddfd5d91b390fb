import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { netsuiteConfig } from "../src/connectors/netsuite/config.ts";
import { createNetsuite } from "../src/connectors/netsuite/index.ts";
import { NETSUITE_MAPPING } from "./fixtures/netsuite.ts";

let dir: string;
let env: NodeJS.ProcessEnv;

const pem = (type: "rsa" | "ec" | "ed25519") => {
  const { privateKey } =
    type === "ec"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : type === "rsa"
        ? generateKeyPairSync("rsa", { modulusLength: 2048 })
        : generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" });
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-netsuite-config-"));
  await writeFile(join(dir, "mapping.json"), JSON.stringify(NETSUITE_MAPPING));
  await writeFile(join(dir, "key.pem"), pem("rsa"));
  env = {
    NETSUITE_ACCOUNT_ID: "1234567_SB1",
    NETSUITE_CLIENT_ID: "client-id",
    NETSUITE_CERTIFICATE_ID: "cert-id",
    NETSUITE_PRIVATE_KEY_FILE: join(dir, "key.pem"),
    NETSUITE_MAPPING_FILE: join(dir, "mapping.json"),
  };
});

afterEach(async () => {
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

describe("NetSuite configuration", () => {
  it("is switched on by CONNECTORS=netsuite and reads the account, the limits and the key", () => {
    expect(connectorsConfig({ CONNECTORS: "netsuite" }).enabled).toEqual(["netsuite"]);
    const config = netsuiteConfig(env);
    expect(config).toMatchObject({
      url: "https://1234567-sb1.suitetalk.api.netsuite.com",
      clientId: "client-id",
      certificateId: "cert-id",
      timeoutMs: 30_000,
      concurrency: 2,
    });
    expect(config.privateKey()).toContain("BEGIN PRIVATE KEY");
    expect(
      netsuiteConfig({
        ...env,
        NETSUITE_ACCOUNT_ID: undefined,
        NETSUITE_ACCOUNT_URL: "https://x.example/",
      }).url,
    ).toBe("https://x.example");
  });

  it("names what is missing or wrong, with no default for credentials", () => {
    expect(refused(() => netsuiteConfig({ ...env, NETSUITE_CLIENT_ID: undefined }))).toContain(
      "NETSUITE_CLIENT_ID",
    );
    expect(refused(() => netsuiteConfig({ ...env, NETSUITE_ACCOUNT_ID: undefined }))).toContain(
      "NETSUITE_ACCOUNT_URL (or NETSUITE_ACCOUNT_ID) is required",
    );
    expect(
      refused(() => netsuiteConfig({ ...env, NETSUITE_ACCOUNT_URL: "https://a.example" })),
    ).toContain("not both");
    expect(
      refused(() => netsuiteConfig({ ...env, NETSUITE_PRIVATE_KEY_FILE: undefined })),
    ).toContain("NETSUITE_PRIVATE_KEY (or NETSUITE_PRIVATE_KEY_FILE) is required");
    expect(refused(() => netsuiteConfig({ ...env, NETSUITE_CONCURRENCY: "0" }))).toContain(
      "NETSUITE_CONCURRENCY must be above 0",
    );
  });

  it("refuses a key NetSuite cannot verify at start-up, and takes RSA (PS256) and EC keys", async () => {
    await writeFile(join(dir, "key.pem"), "not a key");
    expect(refused(() => netsuiteConfig(env))).toContain(
      "NETSUITE_PRIVATE_KEY is not a PEM private key",
    );
    await writeFile(join(dir, "key.pem"), pem("ed25519"));
    expect(refused(() => netsuiteConfig(env))).toContain("RSA key or an EC key");
    await writeFile(join(dir, "key.pem"), pem("ec"));
    expect(netsuiteConfig(env).certificateId).toBe("cert-id");
  });

  it("validates the mapping file at start-up, naming the variable, the file and the field", async () => {
    const config = netsuiteConfig(env);
    expect(createNetsuite(config).mapping.current()).toEqual(NETSUITE_MAPPING);

    await writeFile(
      config.mappingFile,
      JSON.stringify({ ...NETSUITE_MAPPING, items: { "SKU-MUG": "MUG-01" } }),
    );
    const message = refused(() => createNetsuite(config));
    expect(message).toContain("NETSUITE_MAPPING_FILE");
    expect(message).toContain(config.mappingFile);
    expect(message).toContain("items.SKU-MUG: must be a NetSuite internal id");

    await writeFile(config.mappingFile, JSON.stringify({ ...NETSUITE_MAPPING, company: "Acme" }));
    expect(refused(() => createNetsuite(config))).toContain("company");

    const noShipping: Partial<typeof NETSUITE_MAPPING> = { ...NETSUITE_MAPPING };
    delete noShipping.shipping;
    await writeFile(config.mappingFile, JSON.stringify(noShipping));
    expect(refused(() => createNetsuite(config))).toContain("shipping");

    await writeFile(config.mappingFile, "{ not json");
    expect(refused(() => createNetsuite(config))).toContain("is not JSON");
  });
});
