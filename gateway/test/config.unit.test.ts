import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { describe, expect, it } from "vitest";
import { gatewayConfig } from "../src/config.ts";

const KEY = "a-signing-key-of-at-least-32-bytes!!";

describe("gateway configuration", () => {
  it("does not start without an internal signing key, and says which variable is missing", () => {
    expect(() => gatewayConfig({})).toThrow(ConfigError);
    expect(() => gatewayConfig({})).toThrow(/INTERNAL_SIGNING_KEY/);
  });

  it("refuses a short key, and a key given both inline and as a file", async () => {
    expect(() => gatewayConfig({ INTERNAL_SIGNING_KEY: "short" })).toThrow(/at least 32 bytes/);
    const folder = await mkdtemp(join(tmpdir(), "waybill-config-"));
    const file = join(folder, "key");
    await writeFile(file, `${KEY}\n`);
    expect(gatewayConfig({ INTERNAL_SIGNING_KEY_FILE: file }).signingKey.toString()).toBe(KEY);
    expect(() =>
      gatewayConfig({ INTERNAL_SIGNING_KEY: KEY, INTERNAL_SIGNING_KEY_FILE: file }),
    ).toThrow(/not both/);
  });

  it("refuses a half-configured identity provider", () => {
    const base = { INTERNAL_SIGNING_KEY: KEY };
    expect(() => gatewayConfig({ ...base, AUTH_JWT_ISSUER: "https://id.example/" })).toThrow(
      /AUTH_JWT_AUDIENCE/,
    );
    expect(() =>
      gatewayConfig({ ...base, AUTH_JWT_ISSUER: "https://id.example/", AUTH_JWT_AUDIENCE: "w" }),
    ).toThrow(/AUTH_JWT_JWKS_URL/);
    expect(() => gatewayConfig({ ...base, AUTH_JWT_ALGORITHMS: "HS256" })).toThrow(
      /AUTH_JWT_ALGORITHMS/,
    );
    expect(gatewayConfig(base).jwt).toBeUndefined();
  });

  it("is production unless told otherwise: introspection and error details are off by default", () => {
    expect(gatewayConfig({ INTERNAL_SIGNING_KEY: KEY }).WAYBILL_ENV).toBe("production");
  });
});
