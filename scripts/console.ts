// The console's build for `npm start` and the browser tests: built again only when a source is newer.
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

const CONSOLE = resolve(import.meta.dirname, "../apps/console");
/** Where the build goes; the gateway serves it from here by default (CONSOLE_DIR). */
export const CONSOLE_DIST = join(CONSOLE, "dist");
const SOURCES = ["src", "build", "index.html", "vite.config.ts", "package.json"];

async function newestSource(): Promise<number> {
  let newest = 0;
  for (const entry of SOURCES) {
    const path = join(CONSOLE, entry);
    const info = await stat(path);
    const files = info.isDirectory()
      ? (await readdir(path, { recursive: true })).map((file) => join(path, file))
      : [path];
    for (const file of files) newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/** Builds the console unless its build is newer than every source; returns how long it took. */
export async function buildConsole(): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const built = await stat(join(CONSOLE_DIST, "index.html")).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  if (built > (await newestSource())) return { built: false, ms: performance.now() - started };
  const { build } = await import("vite");
  await build({
    root: CONSOLE,
    configFile: join(CONSOLE, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
  return { built: true, ms: performance.now() - started };
}
