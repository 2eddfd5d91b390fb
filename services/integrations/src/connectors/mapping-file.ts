import { readFileSync, statSync } from "node:fs";
import { ConfigError } from "@waybill/config";
import type { z } from "zod";

/** A connector's mapping, read from its file and read again whenever the file changes. */
export interface MappingFile<T> {
  /** The mapping as the file says now; throws a ConfigError when it no longer validates. */
  current(): T;
}

function parse<T>(variable: string, path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${variable}: ${path} is not JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success)
    throw new ConfigError(
      `${variable}: ${path}: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  return result.data;
}

/**
 * Mapping as data: a per-tenant JSON file validated at start-up (an invalid one stops the
 * service, naming the variable). Master data fix it while the service runs; the next delivery
 * reads the fixed file, so a document parked for an unmapped value goes out on its retry.
 */
export function mappingFile<T>(
  variable: string,
  path: string,
  schema: z.ZodType<T>,
): MappingFile<T> {
  let mapping = parse(variable, path, schema);
  let stamp = statSync(path).mtimeMs;
  return {
    current() {
      const now = statSync(path).mtimeMs;
      if (now !== stamp) {
        mapping = parse(variable, path, schema);
        stamp = now;
      }
      return mapping;
    },
  };
}
