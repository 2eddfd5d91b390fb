import { existsSync, readFileSync } from "node:fs";
import { readConfig } from "@waybill/config";
import { serviceEnv } from "@waybill/service";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { natsRoutes, PROCESSES, readProcessConfig } from "./support/deployment.ts";

// `docker compose --profile production up`: the model Compose builds with the profile on, read
// from docker-compose.yml as the Compose specification says (a service without `profiles` is
// always on; one with them is on when one of them is active).
type ComposeService = {
  profiles?: string[];
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown> | string[];
  networks?: Record<string, { aliases?: string[] } | null>;
  configs?: { source: string; target: string }[];
  ports?: string[];
  healthcheck?: { test?: string[] };
};

const root = new URL("../", import.meta.url);
const compose = parse(readFileSync(new URL("docker-compose.yml", root), "utf8"), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
  configs: Record<string, { file: string }>;
};

/** The services Compose runs with `profiles` active. */
function model(profiles: string[]): Record<string, ComposeService> {
  return Object.fromEntries(
    Object.entries(compose.services).filter(
      ([, service]) =>
        service.profiles === undefined || service.profiles.some((p) => profiles.includes(p)),
    ),
  );
}

const production = model(["production"]);
const byDefault = model([]);

/** The services of `services` that start `entry`. */
const instancesOf = (services: Record<string, ComposeService>, entry: string) =>
  Object.entries(services).filter(([, service]) => service.command?.[1] === entry);

/** A config file a service mounts, by its target path. */
function mounted(service: ComposeService, target: string): string {
  const source = service.configs?.find((config) => config.target === target)?.source;
  const file = source === undefined ? undefined : compose.configs[source]?.file;
  expect(file, `a config mounted at ${target}`).toBeDefined();
  return readFileSync(new URL(file ?? "", root), "utf8");
}

const dependencies = (service: ComposeService) =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});

// What an operator sets before `docker compose up` (the file asks for these).
const operator: Record<string, string> = {
  AUTH_JWT_ISSUER: "https://id.example.com/",
  AUTH_JWT_JWKS_URL: "https://id.example.com/.well-known/jwks.json",
};

/** Docker Compose's interpolation of `${NAME:?error}` and `${NAME:-default}`. */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+):([?-])([^}]*)\}/g, (_, name: string, kind: string, rest: string) => {
    const given = operator[name];
    if (given !== undefined) return given;
    if (kind === "?") throw new Error(`${name} must be set: ${rest}`);
    return rest;
  });

const envOf = (service: ComposeService): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value)]),
  );

describe("docker-compose.yml, production profile", () => {
  it("runs three NATS nodes with JetStream, each routed to all three", () => {
    const nodes = ["nats", "nats-2", "nats-3"];
    const names = new Set<string>();
    for (const node of nodes) {
      const service = production[node];
      expect(service, node).toBeDefined();
      const conf = mounted(service ?? {}, service?.command?.[1] ?? "");
      expect(service?.command?.[0]).toBe("-c");
      expect(natsRoutes(conf).sort()).toEqual(nodes.map((name) => `${name}:6222`).sort());
      expect(conf).toMatch(/listen:\s*0\.0\.0\.0:6222/);
      expect(conf).toMatch(/jetstream\s*\{[^}]*store_dir/);
      // Jepsen lost acknowledged writes under the default two-minute sync.
      expect(conf).toMatch(/sync_interval:\s*always/);
      expect(conf).toMatch(/server_name:\s*\$NATS_SERVER_NAME/);
      names.add(service?.environment?.NATS_SERVER_NAME ?? "");
    }
    expect(names.size, "every node its own server name").toBe(3);
  });

  it("keeps every stream at three replicas and lets every process reach every NATS node", () => {
    for (const { name, entry } of PROCESSES) {
      for (const [instance, service] of instancesOf(production, entry)) {
        const env = envOf(service);
        const servers = (env.NATS_URL ?? "").split(",");
        expect(servers.sort(), instance).toEqual(
          ["nats", "nats-2", "nats-3"].map((node) => `nats://${node}:4222`).sort(),
        );
        if (name === "gateway") continue;
        expect(readConfig(serviceEnv, env).NATS_STREAM_REPLICAS, instance).toBe(3);
      }
    }
  });

  it("initiates a replica set of three members, each a mongod of that set", () => {
    const init = production.mongo?.healthcheck?.test?.join(" ") ?? "";
    const hosts = /\[\s*('[\w-]+:\d+'\s*,?\s*)+\]/.exec(init)?.[0] ?? "";
    const members = [...hosts.matchAll(/'([\w-]+):27017'/g)].map((match) => match[1] ?? "");
    expect(members).toEqual(["mongo", "mongo-2", "mongo-3"]);
    expect(init).toMatch(/rs\.initiate\(\{ _id: 'rs0', members: hosts\.map/);
    for (const member of members)
      expect(production[member]?.command, member).toEqual(
        expect.arrayContaining(["--replSet", "rs0"]),
      );
    for (const { entry } of PROCESSES)
      for (const [instance, service] of instancesOf(production, entry))
        expect(service.environment?.MONGODB_URL, instance).toBe(
          "mongodb://mongo:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0&w=majority",
        );
  });

  it("runs two instances of every service and of the gateway, and one of each by default", () => {
    for (const { name, entry } of PROCESSES) {
      const instances = instancesOf(production, entry);
      expect(instances.map(([instance]) => instance).sort(), name).toEqual(
        [name, `${name}-2`].sort(),
      );
      expect(instancesOf(byDefault, entry).map(([instance]) => instance)).toEqual([name]);
      const [, first] = instances.find(([instance]) => instance === name) ?? [];
      const [, second] = instances.find(([instance]) => instance !== name) ?? [];
      expect(second?.environment, `${name}-2 configured as ${name}`).toEqual(first?.environment);
      // The subgraph URLs name the first instance; its second answers to that name too.
      if (name !== "gateway")
        expect(second?.networks?.default?.aliases, `${name}-2`).toContain(name);
    }
  });

  it("gives every instance each variable its configuration requires", () => {
    for (const { name, entry } of PROCESSES)
      for (const [instance, service] of instancesOf(production, entry))
        expect(() => readProcessConfig(name, envOf(service)), instance).not.toThrow();
  });

  it("shares one Redis among the gateways", () => {
    const gateways = instancesOf(production, "gateway/src/main.ts");
    expect(gateways).toHaveLength(2);
    for (const [instance, service] of gateways) {
      // The gateway's configuration takes it (checked above with the rest of its variables).
      const url = envOf(service).REDIS_URL ?? "";
      const host = /^redis:\/\/([\w-]+):6379$/.exec(url)?.[1] ?? "";
      expect(production[host]?.image, `${instance} REDIS_URL ${url}`).toMatch(/^redis:/);
      expect(dependencies(service), instance).toContain(host);
    }
  });

  it("publishes one port, the load balancer's, which names every gateway", () => {
    const published = Object.entries(production).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name)).toEqual(["lb"]);
    const lb = production.lb;
    expect(lb?.ports).toEqual(["4000:4000"]);
    const cfg = mounted(lb ?? {}, "/usr/local/etc/haproxy/haproxy.cfg");
    const servers = [...cfg.matchAll(/^\s*server\s+\S+\s+([\w-]+):4000\b/gm)].map(
      (match) => match[1],
    );
    const gateways = instancesOf(production, "gateway/src/main.ts").map(([name]) => name);
    expect(servers.sort()).toEqual(gateways.sort());
    expect(cfg).toMatch(/^\s*bind\s+:4000$/m);
    // Subscriptions are WebSocket upgrades, held open as tunnels.
    expect(cfg).toMatch(/^\s*mode http$/m);
    expect(cfg).toMatch(/^\s*timeout tunnel\s+\d+[smh]$/m);
    // A gateway that is not started must not keep HAProxy from starting.
    expect(cfg).toMatch(/init-addr [\w,]*none/);
  });

  it("depends, in either model, only on services of that model", () => {
    for (const services of [production, byDefault])
      for (const [name, service] of Object.entries(services))
        for (const dependency of dependencies(service))
          expect(services, `${name} depends on ${dependency}`).toHaveProperty(dependency);
    for (const config of Object.values(compose.configs))
      expect(existsSync(new URL(config.file, root)), config.file).toBe(true);
  });
});

describe("docs/scaling.md", () => {
  const scaling = readFileSync(new URL("docs/scaling.md", root), "utf8");
  const results = readFileSync(new URL("bench/RESULTS.md", root), "utf8");

  it("quotes CPU per shipment as bench/RESULTS.md measured it", () => {
    const rows = [
      ...scaling.matchAll(/^\|[^|\n]+\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*~(\d+)\s*\|$/gm),
    ];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [row, shipments, cpu, perCore] of rows) {
      // The pipeline table's row: shipments/s in bold, CPU ms/shipment last.
      const measured = new RegExp(`\\| \\*\\*${shipments}\\*\\* .*\\| ${cpu} +\\|$`, "m");
      expect(results, row).toMatch(measured);
      expect(Math.abs(1000 / Number(cpu) - Number(perCore)), row).toBeLessThan(1);
    }
  });

  it("cites the Jepsen analysis it relies on, and the README links it", () => {
    expect(scaling).toContain("https://jepsen.io/analyses/nats-2.12.1");
    expect(readFileSync(new URL("README.md", root), "utf8")).toContain("(docs/scaling.md)");
  });
});
