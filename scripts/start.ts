// `npm start`: runs the whole hub on this machine until Ctrl-C. Data lives in WAYBILL_DATA_DIR (.waybill).
import { NatsServerNotFoundError } from "@waybill/devtools";
import { buildConsole } from "./console.ts";
import { startSystem } from "./system.ts";

const dataDir = process.env.WAYBILL_DATA_DIR ?? ".waybill";
const verbose = process.env.LOG_LEVEL !== undefined;

try {
  // The gateway serves the console and trusts its documents: build it before the gateway starts.
  const build = await buildConsole();
  if (build.built) console.log(`built the console in ${(build.ms / 1000).toFixed(1)} s`);
  const system = await startSystem({
    dataDir,
    ...(process.env.NATS_URL ? { natsUrl: process.env.NATS_URL } : {}),
    // WAYBILL_PORTS=free runs a second hub beside the first (or a test's) on any free ports.
    ports: process.env.WAYBILL_PORTS === "free" ? "free" : "default",
    logLevel: process.env.LOG_LEVEL ?? "warn",
    // A local hub shows introspection and error details unless told it is production.
    env: { WAYBILL_ENV: process.env.WAYBILL_ENV ?? "development" },
    output: (name, line) => {
      // Errors, and the one-line reasons a process gives when it cannot start.
      const plain = !line.startsWith("{");
      if (verbose || plain || line.includes('"level":50') || line.includes('"level":60'))
        console.log(`[${name}] ${line}`);
    },
  });
  console.log(`Waybill is running, with its data in ${dataDir}.`);
  console.log(
    system.nats
      ? `  NATS       ${system.natsUrl}: its own nats-server, storing in ${dataDir}/nats (not any server on 4222)`
      : `  NATS       ${system.natsUrl} (NATS_URL)`,
  );
  console.log(`             the URL is kept in ${dataDir}/nats-url for tools and scripts`);
  console.log(`  gateway    ${system.gatewayUrl}`);
  console.log(`  console    ${system.gatewayUrl.replace(/\/graphql$/, "/console/")}`);
  console.log(
    `  admin API key in ${dataDir}/secrets/admin-api-key (send it as Authorization: Bearer <key>)`,
  );
  for (const service of Object.values(system.services))
    console.log(`  ${service.name.padEnd(10)} ${service.url}`);
  console.log("Load demo data with `npm run seed`. Press Ctrl-C to stop.");

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("stopping Waybill...");
    await system.stop();
    console.log("stopped.");
    process.exit(code);
  };
  system.onUnexpectedExit((name, code) => {
    console.error(`${name} exited unexpectedly (code ${code}); stopping everything`);
    void shutdown(1);
  });
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
} catch (error) {
  if (error instanceof NatsServerNotFoundError) {
    console.error(error.message);
    console.error("Or point NATS_URL at a NATS server with JetStream enabled.");
  } else {
    console.error(`Waybill failed to start: ${(error as Error).message}`);
  }
  process.exit(1);
}
