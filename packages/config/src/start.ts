import { ConfigError } from "./config.ts";

/**
 * Runs a process's start-up; when it fails, says why in one line and exits with 1. A
 * configuration error (an invalid variable, a dependency its variable names that cannot be
 * reached) is its message alone; anything else keeps its stack.
 */
export async function startOrExit<T>(name: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const detail =
      error instanceof ConfigError
        ? error.message
        : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`${name}: ${detail}\n`);
    process.exit(1);
  }
}
