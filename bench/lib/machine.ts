// What a result was measured on: machine, load, versions, commit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { findNatsServer } from "@waybill/devtools";

export const ROOT = join(import.meta.dirname, "..", "..");

const PACKAGES = [
  "@apollo/gateway",
  "@apollo/server",
  "@graphql-hive/gateway-runtime",
  "@graphql-mesh/transport-http",
  "graphql-yoga",
  "@apollo/subgraph",
  "graphql",
  "@nats-io/jetstream",
  "@nats-io/transport-node",
  "mingo",
  "autocannon",
];

function version(name: string): string {
  try {
    const file = join(ROOT, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");

/** A markdown block describing the machine, versions and commit. */
export async function machineReport(): Promise<string> {
  const nats = await findNatsServer().then(
    (binary) => run(binary, ["--version"]),
    () => "not found",
  );
  const dirty = run("git", ["status", "--porcelain"]) === "" ? "" : " (with uncommitted changes)";
  const cpu = cpus()[0]?.model ?? "unknown";
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores (\`nproc\` ${run("nproc", [])}), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `- Node ${process.version}, ${nats}, SQLite ${process.versions.sqlite ?? "unknown"}`,
    `- commit ${run("git", ["rev-parse", "--short", "HEAD"])}${dirty}`,
    `- packages: ${PACKAGES.map((name) => `${name} ${version(name)}`).join(", ")}`,
  ].join("\n");
}
