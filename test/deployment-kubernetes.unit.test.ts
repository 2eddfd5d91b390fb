import { existsSync, readFileSync, statSync } from "node:fs";
import { readConfig } from "@waybill/config";
import { serviceEnv } from "@waybill/service";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parse } from "yaml";
import { natsRoutes, PROCESSES, readProcessConfig } from "./support/deployment.ts";

// deploy/kubernetes: every resource kustomize would read exists and parses, and what it describes
// runs: two instances of each process, probes on paths the process serves, budgets, and the
// variables each process's real configuration reader requires.
type Labels = Record<string, string>;
type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
};
type Probe = { httpGet?: { path: string; port: string | number } };
type Container = {
  name: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type Resource = {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    minAvailable?: number;
    selector?: { matchLabels?: Labels } & Labels;
    ports?: { port: number; targetPort?: string | number }[];
    template?: {
      metadata: { labels: Labels };
      spec: {
        containers: Container[];
        volumes?: {
          name: string;
          secret?: { secretName: string; items?: { key: string; path: string }[] };
        }[];
      };
    };
  };
};

const root = new URL("../deploy/kubernetes/", import.meta.url);

/** The resources a kustomization lists, read recursively the way `kustomize build` does. */
function build(dir: URL): Resource[] {
  const kustomization = parse(readFileSync(new URL("kustomization.yaml", dir), "utf8")) as {
    resources?: string[];
    patches?: { path: string }[];
  };
  for (const patch of kustomization.patches ?? [])
    expect(existsSync(new URL(patch.path, dir)), patch.path).toBe(true);
  return (kustomization.resources ?? []).flatMap((entry) => {
    const target = new URL(entry, dir);
    expect(existsSync(target), `${dir.pathname}: ${entry}`).toBe(true);
    if (statSync(target).isDirectory()) return build(new URL(`${entry}/`, dir));
    const documents = parseAllDocuments(readFileSync(target, "utf8"));
    return documents.map((document) => {
      expect(document.errors, entry).toEqual([]);
      return document.toJS() as Resource;
    });
  });
}

const base = build(new URL("base/", root));
const of = (kind: string) => base.filter((resource) => resource.kind === kind);
const named = (kind: string, name: string) =>
  of(kind).find((resource) => resource.metadata.name === name);
const selects = (selector: Labels | undefined, labels: Labels) =>
  Object.keys(selector ?? {}).length > 0 &&
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

// The paths each process serves, from the code that serves them.
const served = (process: string) =>
  process === "gateway"
    ? readFileSync(new URL("../gateway/src/main.ts", import.meta.url), "utf8") +
      readFileSync(new URL("../gateway/src/server.ts", import.meta.url), "utf8")
    : readFileSync(new URL("../packages/service/src/service.ts", import.meta.url), "utf8");

// What the Secrets the operator creates hold (../deploy/kubernetes/README.md).
const secrets: Record<string, Record<string, string>> = {
  "waybill-mongodb": { url: "mongodb://db-0:27017,db-1:27017,db-2:27017/?replicaSet=rs0" },
};

/** The environment a container starts with: its ConfigMaps, then its own variables. */
function environmentOf(container: Container): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const source of container.envFrom ?? []) {
    const map = named("ConfigMap", source.configMapRef?.name ?? "");
    expect(map, `ConfigMap ${source.configMapRef?.name}`).toBeDefined();
    Object.assign(env, map?.data);
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    env[variable.name] = ref ? secrets[ref.name]?.[ref.key] : variable.value;
  }
  return env;
}

const deployment = (name: string) => {
  const found = named("Deployment", name);
  expect(found, `Deployment ${name}`).toBeDefined();
  return found as Resource & { spec: Required<Resource>["spec"] };
};

describe("deploy/kubernetes", () => {
  it("lists resources that exist and parse, in the base and the production overlay", () => {
    expect(base.length).toBeGreaterThan(0);
    const production = build(new URL("production/", root));
    expect(production.length).toBeGreaterThan(base.length);
  });

  it("runs each process twice, with probes on paths it serves and resources", () => {
    for (const { name, port, entry } of PROCESSES) {
      const { spec } = deployment(name);
      expect(spec.replicas, name).toBe(2);
      const [container] = spec.template?.spec.containers ?? [];
      expect(container?.command, name).toEqual(["node", entry]);
      expect(container?.ports, name).toEqual([{ name: "http", containerPort: port }]);
      expect(container?.readinessProbe?.httpGet, name).toEqual({ path: "/readyz", port: "http" });
      expect(container?.livenessProbe?.httpGet, name).toEqual({ path: "/healthz", port: "http" });
      for (const path of ["/readyz", "/healthz"]) expect(served(name), name).toContain(`"${path}"`);
      for (const bound of ["requests", "limits"] as const)
        expect(Object.keys(container?.resources?.[bound] ?? {}).sort(), `${name} ${bound}`).toEqual(
          ["cpu", "memory"],
        );
    }
  });

  it("keeps one instance of each through a drain, and reaches each through a Service", () => {
    for (const { name, port } of PROCESSES) {
      const labels = deployment(name).spec.template?.metadata.labels ?? {};
      const budgets = of("PodDisruptionBudget").filter((budget) =>
        selects(budget.spec?.selector?.matchLabels, labels),
      );
      expect(
        budgets.map((budget) => budget.spec?.minAvailable),
        name,
      ).toEqual([1]);
      const service = named("Service", name);
      expect(selects(service?.spec?.selector, labels), `Service ${name}`).toBe(true);
      expect(service?.spec?.ports?.[0]?.port, name).toBe(port);
    }
  });

  it("gives every process each variable its configuration requires, the key as a file", () => {
    for (const { name } of PROCESSES) {
      const pod = deployment(name).spec.template?.spec;
      const [container] = pod?.containers ?? [];
      const env = environmentOf(container ?? { name });
      expect(() => readProcessConfig(name, env), name).not.toThrow();
      // The key file lies in a volume of the signing-key Secret, under the path it is given.
      const keyFile = env.INTERNAL_SIGNING_KEY_FILE ?? "";
      const mount = container?.volumeMounts?.find((m) => keyFile.startsWith(`${m.mountPath}/`));
      const volume = pod?.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret?.secretName, name).toBe("waybill-internal-signing-key");
      expect(volume?.secret?.items?.map((item) => `${mount?.mountPath}/${item.path}`)).toContain(
        keyFile,
      );
      expect(env, name).not.toHaveProperty("INTERNAL_SIGNING_KEY");
      if (name !== "gateway") expect(readConfig(serviceEnv, env).NATS_STREAM_REPLICAS).toBe(3);
    }
  });

  it("points the gateway at every subgraph's Service and at the shared Redis", () => {
    const [container] = deployment("gateway").spec.template?.spec.containers ?? [];
    const env = environmentOf(container ?? { name: "gateway" });
    for (const { name, port } of PROCESSES.filter((process) => process.name !== "gateway")) {
      expect(env[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
    }
    const redis = /^redis:\/\/([\w-]+):(\d+)$/.exec(env.REDIS_URL ?? "");
    expect(named("Service", redis?.[1] ?? "")?.spec?.ports?.[0]?.port).toBe(Number(redis?.[2]));
    expect(deployment("redis").spec.replicas).toBe(1);
  });

  it("runs NATS as three routed JetStream nodes that every process lists", () => {
    const nats = named("StatefulSet", "nats");
    expect(nats?.spec?.replicas).toBe(3);
    const conf = named("ConfigMap", "nats-config")?.data?.["nats.conf"] ?? "";
    const nodes = ["nats-0", "nats-1", "nats-2"];
    expect(natsRoutes(conf).sort()).toEqual(nodes.map((node) => `${node}.nats:6222`));
    expect(conf).toMatch(/sync_interval:\s*always/);
    expect(named("Service", "nats")).toBeDefined();
    const servers = named("ConfigMap", "waybill-stores")?.data?.NATS_URL?.split(",") ?? [];
    expect(servers).toEqual(nodes.map((node) => `nats://${node}.nats:4222`));
    const labels = nats?.spec?.template?.metadata.labels ?? {};
    const budget = of("PodDisruptionBudget").find((b) =>
      selects(b.spec?.selector?.matchLabels, labels),
    );
    expect(budget?.spec?.minAvailable, "a quorum of three").toBe(2);
  });
});
