import { readFileSync } from "node:fs";
import { ConfigError } from "./config.ts";

/**
 * A secret from `NAME` or from the file named by `NAME_FILE` (one of the two, never both), at least
 * `minBytes` long. There is no default: a missing secret stops start-up with the variable named.
 */
export function secretFromEnv(env: NodeJS.ProcessEnv, name: string, minBytes = 32): Buffer {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new ConfigError(`set ${name} or ${name}_FILE, not both`);
  let value: string | undefined = inline;
  if (file) {
    try {
      value = readFileSync(file, "utf8").trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
    }
  }
  if (!value)
    throw new ConfigError(
      `${name} (or ${name}_FILE) is required: a random secret of at least ${minBytes} bytes, shared by the gateway and the subgraphs`,
    );
  const secret = Buffer.from(value, "utf8");
  if (secret.length < minBytes)
    throw new ConfigError(`${name}: at least ${minBytes} bytes are required, got ${secret.length}`);
  return secret;
}
