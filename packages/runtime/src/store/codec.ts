/**
 * Document codec for the embedded store: JSON text with Dates tagged as `{"$date": <ms>}`, so they
 * come back as `Date` objects and compare as dates. Anything JSON would silently change or drop
 * (undefined, BigInt, NaN, class instances, `$`-prefixed keys that could forge a tag) is rejected.
 */
import type { Doc } from "./port.ts";

const DATE_TAG = "$date";

/** Serialises a document (or an update value) to the stored JSON text; throws on unstorable values. */
export function encode(value: unknown, what = "document"): string {
  return JSON.stringify(toStorable(value, what));
}

/** Parses stored JSON text back into a document, reviving tagged Dates. */
export function decode<T extends Doc>(text: string): T {
  return JSON.parse(text, revive) as T;
}

/** Validates that `value` can be stored; returns a JSON-safe copy. */
export function toStorable(value: unknown, path: string): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw unstorable(path, String(value));
    return value;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw unstorable(path, "an invalid Date");
    return { [DATE_TAG]: time };
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => toStorable(item, `${path}.${index}`));
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith("$")) throw unstorable(`${path}.${key}`, "a field name starting with '$'");
      out[key] = toStorable(item, `${path}.${key}`);
    }
    return out;
  }
  throw unstorable(path, describe(value));
}

function revive(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && DATE_TAG in value) {
    const time = (value as Record<string, unknown>)[DATE_TAG];
    if (typeof time === "number" && Object.keys(value).length === 1) return new Date(time);
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined (omit the field or use null)";
  if (typeof value === "bigint") return "a BigInt (store it as a string or a safe integer)";
  if (typeof value === "object" && value !== null) {
    return `an instance of ${value.constructor?.name ?? "an unknown class"} (only plain objects, arrays and Dates)`;
  }
  return `a ${typeof value}`;
}

function unstorable(path: string, what: string): TypeError {
  return new TypeError(`Cannot store ${path}: it is ${what}`);
}
