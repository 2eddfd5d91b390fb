import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig, secretFromEnv } from "@waybill/config";
import { serviceEnv } from "@waybill/service";
import { gatewayConfig } from "../gateway/src/config.ts";
import { billingConfig } from "../services/billing/src/config.ts";
import { integrationsConfig } from "../services/integrations/src/config.ts";
import { shipmentsConfig } from "../services/shipments/src/config.ts";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SUBGRAPHS } from "../scripts/subgraphs.ts";

type ComposeService = {
  command?: string[];
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown> | string[];
  secrets?: string[];
};

const root = new URL("../", import.meta.url);
const compose = parse(readFileSync(new URL("docker-compose.yml", root), "utf8"), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file?: string }>;
};

describe("docker-compose.yml", () => {
  it("runs every subgraph from a file that exists, against MongoDB and NATS", () => {
    for (const { name, port } of SUBGRAPHS) {
      const service = compose.services[name];
      expect(service, name).toBeDefined();
      const entry = service?.command?.[1] ?? "";
      expect(existsSync(new URL(entry, root)), `${name} entry ${entry}`).toBe(true);
      expect(service?.environment).toMatchObject({
        PORT: String(port),
        NATS_URL: "nats://nats:4222,nats://nats-2:4222,nats://nats-3:4222",
      });
      expect(service?.environment?.MONGODB_URL).toMatch(/replicaSet=rs0/);
      expect(Object.keys(service?.depends_on ?? {})).toEqual(
        expect.arrayContaining(["mongo", "nats"]),
      );
    }
  });

  it("points the gateway at every subgraph by service name", () => {
    const gateway = compose.services.gateway;
    expect(existsSync(new URL(gateway?.command?.[1] ?? "", root))).toBe(true);
    for (const { name, port } of SUBGRAPHS) {
      expect(gateway?.environment?.[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(
        `http://${name}:${port}/graphql`,
      );
    }
  });

  it("gives the gateway and every subgraph the signing key as a secret file, never inline", () => {
    expect(compose.secrets.internal_signing_key?.file).toBeTruthy();
    for (const name of [...SUBGRAPHS.map((subgraph) => subgraph.name), "gateway"]) {
      const service = compose.services[name];
      expect(service?.secrets, name).toContain("internal_signing_key");
      expect(service?.environment?.INTERNAL_SIGNING_KEY_FILE, name).toBe(
        "/run/secrets/internal_signing_key",
      );
      expect(service?.environment, name).not.toHaveProperty("INTERNAL_SIGNING_KEY");
    }
    expect(compose.services.gateway?.environment?.WAYBILL_ENV).toBe("production");
  });

  it("names only services that are defined", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const dependencies = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies)
        expect(compose.services, `${name} depends on ${dependency}`).toHaveProperty(dependency);
      expect(service.build ?? service.image, `${name} has an image`).toBeTruthy();
    }
    expect(existsSync(new URL("Dockerfile", root))).toBe(true);
  });

  it("gives every process each variable its configuration requires, and the gateway its streams", () => {
    const secrets = mkdtempSync(join(tmpdir(), "waybill-compose-"));
    const keyFile = join(secrets, "internal_signing_key");
    writeFileSync(keyFile, "k".repeat(48));
    try {
      // What an operator sets before `docker compose up` (the file asks for these).
      const operator: Record<string, string> = {
        AUTH_JWT_ISSUER: "https://id.example.com/",
        AUTH_JWT_JWKS_URL: "https://id.example.com/.well-known/jwks.json",
      };
      // Docker Compose's interpolation: ${NAME:?error} must be set, ${NAME:-default} may be.
      const interpolate = (value: string) =>
        value.replace(
          /\$\{(\w+):([?-])([^}]*)\}/g,
          (_, name: string, kind: string, rest: string) => {
            const given = operator[name];
            if (given !== undefined) return given;
            if (kind === "?") throw new Error(`${name} must be set: ${rest}`);
            return rest;
          },
        );
      const envOf = (name: string): NodeJS.ProcessEnv => {
        const environment = Object.fromEntries(
          Object.entries(compose.services[name]?.environment ?? {}).map(([key, value]) => [
            key,
            interpolate(value),
          ]),
        );
        // The secret file Docker mounts, stood in for by a file of this test.
        return { ...environment, INTERNAL_SIGNING_KEY_FILE: keyFile };
      };
      const readers: Record<string, (env: NodeJS.ProcessEnv) => unknown> = {
        billing: billingConfig,
        shipments: shipmentsConfig,
        integrations: integrationsConfig,
      };
      for (const { name } of SUBGRAPHS) {
        const env = envOf(name);
        expect(() => readConfig(serviceEnv, env), name).not.toThrow();
        expect(() => secretFromEnv(env, "INTERNAL_SIGNING_KEY"), name).not.toThrow();
        expect(() => readers[name]?.(env), name).not.toThrow();
      }
      const gateway = envOf("gateway");
      expect(() => gatewayConfig(gateway)).not.toThrow();
      // Optional to start, but a deployment without it has no subscriptions.
      expect(gatewayConfig(gateway).NATS_URL).toBe(
        "nats://nats:4222,nats://nats-2:4222,nats://nats-3:4222",
      );
      expect(compose.services.gateway?.depends_on).toContain("nats");
    } finally {
      rmSync(secrets, { recursive: true, force: true });
    }
  });
});
