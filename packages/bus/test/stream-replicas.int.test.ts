import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { findNatsServer, freePorts, startTestNats, type TestNats } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBus, leases, type Bus, type StreamReplicas } from "../src/index.ts";

// Streams get the replica count the bus is given. A single server stores one copy only and refuses
// more, which shows the count reaches the broker; three clustered servers (configured as
// https://docs.nats.io/running-a-nats-service/configuration/clustering/jetstream_clustering
// describes) store three.
const logger = createLogger("test", "silent");

async function openBus(
  url: string | string[],
  namespace: string,
  replicas: StreamReplicas,
): Promise<Bus> {
  return connectBus({
    servers: url,
    name: namespace,
    logger,
    namespace,
    connectTimeoutMs: 15_000,
    streamReplicas: replicas,
  });
}

const uniqueName = () => `r${randomBytes(4).toString("hex")}`;

describe("stream replicas on a single server", () => {
  let nats: TestNats;
  let connection: NatsConnection;
  let manager: JetStreamManager;
  beforeAll(async () => {
    nats = await startTestNats();
    connection = await connect({ servers: nats.url });
    manager = await jetstreamManager(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await nats?.stop();
  });

  it("creates streams and the leases bucket with one copy", async () => {
    const namespace = uniqueName();
    const bus = await openBus(nats.url, namespace, 1);
    try {
      await bus.ensureStream("billing");
      await leases(bus, "billing", "a");
      const stream = await manager.streams.info(`${namespace}_BILLING`.toUpperCase());
      expect(stream.config.num_replicas).toBe(1);
      const bucket = await manager.streams.info(`KV_${namespace}_leases`);
      expect(bucket.config.num_replicas).toBe(1);
    } finally {
      await bus.close();
    }
  });

  it("asks the broker for three copies when told to, which one server refuses", async () => {
    const bus = await openBus(nats.url, uniqueName(), 3);
    try {
      await expect(bus.ensureStream("billing")).rejects.toThrow(/replicas/i);
    } finally {
      await bus.close();
    }
  });
});

/** Three nats-servers routed to each other, each with JetStream; stopped and removed at the end. */
async function startCluster(): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const binary = await findNatsServer();
  const dir = await mkdtemp(join(tmpdir(), "waybill-nats-cluster-"));
  const ports = await freePorts(6);
  const clientPorts = ports.slice(0, 3);
  const routePorts = ports.slice(3);
  const routes = routePorts.map((port) => `"nats-route://127.0.0.1:${port}"`).join(", ");
  const children: ChildProcess[] = [];
  for (const [index, port] of clientPorts.entries()) {
    const file = join(dir, `n${index}.conf`);
    await writeFile(
      file,
      [
        `server_name: n${index}`,
        `listen: 127.0.0.1:${port}`,
        `jetstream { store_dir: "${join(dir, `n${index}`)}" }`,
        `cluster { name: test, listen: 127.0.0.1:${routePorts[index]}, routes: [${routes}] }`,
      ].join("\n"),
    );
    children.push(spawn(binary, ["-c", file], { stdio: "ignore" }));
  }
  return {
    urls: clientPorts.map((port) => `nats://127.0.0.1:${port}`),
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve(undefined);
              child.once("exit", resolve);
              child.kill("SIGTERM");
            }),
        ),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe("stream replicas on a three-node cluster", () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let connection: NatsConnection;
  let manager: JetStreamManager;
  beforeAll(async () => {
    cluster = await startCluster();
    connection = await connect({ servers: cluster.urls, waitOnFirstConnect: true });
    manager = await jetstreamManager(connection, { checkAPI: false });
    // JetStream answers once the three servers have elected a meta leader.
    for (let tries = 0; ; tries += 1) {
      const ready = await manager.getAccountInfo().then(
        () => true,
        () => false,
      );
      if (ready) break;
      if (tries > 150) throw new Error("the cluster elected no JetStream leader in 30 s");
      await sleep(200);
    }
  }, 40_000);
  afterAll(async () => {
    await connection?.close();
    await cluster?.stop();
  });

  it("keeps three copies of a stream and of the leases bucket", async () => {
    const namespace = uniqueName();
    const bus = await openBus(cluster.urls.join(","), namespace, 3);
    try {
      await bus.ensureStream("billing");
      await leases(bus, "billing", "a");
      const stream = await manager.streams.info(`${namespace}_BILLING`.toUpperCase());
      expect(stream.config.num_replicas).toBe(3);
      expect(stream.cluster?.replicas).toHaveLength(2);
      const bucket = await manager.streams.info(`KV_${namespace}_leases`);
      expect(bucket.config.num_replicas).toBe(3);
    } finally {
      await bus.close();
    }
  }, 30_000);

  it("moves a stream and a bucket made with one copy to three at the next start", async () => {
    const namespace = uniqueName();
    const single = await openBus(cluster.urls[0] ?? "", namespace, 1);
    try {
      await single.ensureStream("shipments");
      await leases(single, "shipments", "a");
    } finally {
      await single.close();
    }
    const replicated = await openBus(cluster.urls[1] ?? "", namespace, 3);
    try {
      await replicated.ensureStream("shipments");
      await leases(replicated, "shipments", "b");
      const stream = await manager.streams.info(`${namespace}_SHIPMENTS`.toUpperCase());
      expect(stream.config.num_replicas).toBe(3);
      const bucket = await manager.streams.info(`KV_${namespace}_leases`);
      expect(bucket.config.num_replicas).toBe(3);
    } finally {
      await replicated.close();
    }
  }, 30_000);
});
