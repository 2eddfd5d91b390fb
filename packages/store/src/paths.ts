/** Dotted-path helpers shared by the embedded store's query planner and update checks. */

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/**
 * Every dotted path in `doc` that holds an array (without descending into arrays). An equality
 * filter on such a path, or below it, can match array elements, which SQL equality cannot see.
 */
export function arrayPaths(doc: Obj, prefix = "", out: string[] = []): string[] {
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) out.push(path);
    else if (isObject(value)) arrayPaths(value, path, out);
  }
  return out;
}

/** True when `path` is `ancestor` or lies below it. */
export function isAtOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export type Lookup = { found: true; value: unknown } | { found: false; blockedBy?: unknown };

/** Resolves a dotted path through objects and array indexes; `blockedBy` is a scalar in the way. */
export function lookup(doc: Obj, path: string): Lookup {
  let current: unknown = doc;
  for (const segment of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      if (Number(segment) >= current.length) return { found: false };
      current = current[Number(segment)];
    } else if (isObject(current)) {
      if (!(segment in current)) return { found: false };
      current = current[segment];
    } else if (current === null || current === undefined) {
      return { found: false };
    } else {
      return { found: false, blockedBy: current };
    }
  }
  return { found: true, value: current };
}

/** Sets a dotted path on a plain object, creating intermediate objects. */
export function setPath(doc: Obj, path: string, value: unknown): void {
  const segments = path.split(".");
  const last = segments.pop() as string;
  let current = doc;
  for (const segment of segments) {
    const next = current[segment];
    if (isObject(next)) current = next;
    else current = current[segment] = {};
  }
  current[last] = value;
}

/** The BSON-ish type name MongoDB's error messages use. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  if (typeof value === "number") return "double";
  return typeof value === "object" ? "object" : typeof value;
}
