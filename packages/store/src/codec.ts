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
  const value: unknown = JSON.parse(text);
  // A reviver callback per value costs ~5x the parse; a walk afterwards does the same, and only
  // when a tag can be in the text (a key written with `\u` escapes could spell it too).
  return (text.includes(DATE_TAG) || text.includes("\\u") ? revive(value) : value) as T;
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

const own = { writable: true, enumerable: true, configurable: true };

/** Replaces, bottom-up and in place, every object that is exactly `{"$date": <number>}` by a Date. */
function revive(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = revive(value[index]);
    return value;
  }
  const object = value as Record<string, unknown>;
  let keys = 0;
  for (const key in object) {
    keys += 1;
    const item = object[key];
    const revived = revive(item);
    if (revived === item) continue;
    // Assigning to "__proto__" would set the prototype; JSON.parse made it an own property.
    if (key === "__proto__") Object.defineProperty(object, key, { ...own, value: revived });
    else object[key] = revived;
  }
  const time = object[DATE_TAG];
  return keys === 1 && typeof time === "number" ? new Date(time) : value;
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
