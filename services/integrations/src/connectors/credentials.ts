import { readFileSync } from "node:fs";
import { ConfigError } from "@waybill/config";

/**
 * A credential from `NAME` or from the file `NAME_FILE` names (one of the two, never both), with
 * no default. A file is read again on every call: a rotated secret is picked up without a restart.
 */
export function credentialFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  connector: string,
): () => string {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new ConfigError(`set ${name} or ${name}_FILE, not both`);
  const read = (): string => {
    if (!file) return inline ?? "";
    try {
      return readFileSync(file, "utf8").trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
    }
  };
  if (!read())
    throw new ConfigError(`${name} (or ${name}_FILE) is required when CONNECTORS has ${connector}`);
  return read;
}
