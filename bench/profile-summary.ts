// `node bench/profile-summary.ts <file.cpuprofile> [top] [--window <from>-<to>]`: where a V8 CPU
// profile spent its time, by function (self time) and by package or source folder; `--window`
// (monotonic microseconds, as bench:pipeline prints them per phase) keeps the samples inside it.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const windowAt = args.indexOf("--window");
const [windowFrom, windowTo] =
  windowAt >= 0 ? (args.splice(windowAt, 2)[1] ?? "").split("-").map(Number) : [];
const [file, topArg] = args;
if (!file)
  throw new Error(
    "usage: node bench/profile-summary.ts <file.cpuprofile> [top] [--window <from>-<to>]",
  );
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const selfMicros = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  if (windowFrom !== undefined && (at < windowFrom || at > (windowTo ?? Infinity))) return;
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
});

/** The package (`node_modules/<name>`) or repository folder a script belongs to. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return url;
  const match = /\/work\/[^/]+\/(.+)\/[^/]+$/.exec(url);
  return match?.[1] ?? url;
}

const byFunction = new Map<string, number>();
const byOwner = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  // Idle time is not work: percentages are of the busy time.
  if (!micros || functionName === "(idle)") continue;
  total += micros;
  const name = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const folder = owner(url, functionName);
  byOwner.set(folder, (byOwner.get(folder) ?? 0) + micros);
}

const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
  }
};
const from = Math.max(profile.startTime, windowFrom ?? 0);
const to = Math.min(profile.endTime, windowTo ?? Infinity);
console.log(`${file}: ${(total / 1e6).toFixed(2)} s busy over ${((to - from) / 1e6).toFixed(1)} s`);
print("self time by package or folder", byOwner);
print("self time by function", byFunction);
