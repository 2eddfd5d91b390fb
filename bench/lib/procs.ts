// Resident memory and CPU time of the processes a benchmark started, read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

/** A process to watch, by a label of our choosing. */
export interface Watched {
  label: string;
  pid: number;
}

const TICKS_PER_SECOND = 100; // `getconf CLK_TCK` on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Resident set size in MiB, or NaN when the process is gone. */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** User plus system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return Number.NaN;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Direct children of this process whose command line contains one of `scripts` (label → path
 * fragment); the services and gateways started by `startSystem` are such children.
 */
export function childrenByScript(scripts: Record<string, string>): Watched[] {
  const found: Watched[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid !== process.pid) continue;
    const command = (read(`/proc/${entry}/cmdline`) ?? "").split("\0").join(" ");
    for (const [label, fragment] of Object.entries(scripts)) {
      if (command.includes(fragment)) found.push({ label, pid: Number(entry) });
    }
  }
  return found;
}

/** CPU seconds used by each watched process between `start()` and the returned function's call. */
export function cpuMeter(watched: Watched[]): () => Map<string, number> {
  const before = new Map(watched.map((w) => [w.label, cpuSeconds(w.pid)]));
  const self = process.cpuUsage();
  return () => {
    const used = new Map<string, number>();
    for (const w of watched) used.set(w.label, cpuSeconds(w.pid) - (before.get(w.label) ?? 0));
    const mine = process.cpuUsage(self);
    used.set("bench (load generator)", (mine.user + mine.system) / 1e6);
    return used;
  };
}
