/** Reads the parts of a MongoDB filter that the embedded store can use before running mingo. */
import type { Filter } from "./port.ts";
import { setPath } from "./paths.ts";

export type Scalar = string | number | boolean;

/** A top-level `path = one of values` condition that SQL can evaluate (and an index can serve). */
export interface Equality {
  path: string;
  values: Scalar[];
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Date
  ) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith("$"));
}

/** Top-level `{ f: scalar }`, `{ f: { $eq: scalar } }` and `{ f: { $in: [scalars] } }` conditions. */
export function equalities(filter: Filter): Equality[] {
  const found: Equality[] = [];
  for (const [path, condition] of Object.entries(filter)) {
    if (path.startsWith("$")) continue;
    if (isScalar(condition)) {
      found.push({ path, values: [condition] });
    } else if (isOperatorObject(condition) && Object.keys(condition).length === 1) {
      const { $eq, $in } = condition;
      if (isScalar($eq)) found.push({ path, values: [$eq] });
      if (Array.isArray($in) && $in.length > 0 && $in.every(isScalar))
        found.push({ path, values: $in });
    }
  }
  return found;
}

/** The document an upsert starts from: the filter's equality fields, like MongoDB. */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  const collect = (part: Filter): void => {
    for (const [path, condition] of Object.entries(part)) {
      if (path === "$and" && Array.isArray(condition)) {
        for (const clause of condition) collect(clause as Filter);
      } else if (path.startsWith("$")) {
        continue;
      } else if (!isOperatorObject(condition)) {
        setPath(seed, path, structuredClone(condition));
      } else if ("$eq" in condition) {
        setPath(seed, path, structuredClone(condition.$eq));
      }
    }
  };
  collect(filter);
  return seed;
}
