import { createHash } from "node:crypto";
import { getOperationAST, OperationTypeNode, parse, print, type ParseOptions } from "graphql";
import { HttpError } from "@waybill/http";

/** The request header, after the IETF draft "The Idempotency-Key HTTP Header Field". */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** Set to `true` on an answer replayed from the first request with the same key. */
export const REPLAYED_HEADER = "idempotent-replayed";

/** 1 to 255 printable ASCII characters (space included). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

const badKey = (message: string) => new HttpError(400, "BAD_USER_INPUT", message);

/**
 * The idempotency key a request carries: the `Idempotency-Key` header (a bare value or, as the
 * draft writes it, a quoted string) or `extensions.idempotencyKey` in the body, for clients that
 * cannot set headers. Both at once must agree. Undefined when there is none; a malformed key is
 * a 400 `BAD_USER_INPUT`.
 */
export function idempotencyKeyOf(
  header: string | string[] | undefined,
  body: unknown,
): string | undefined {
  if (Array.isArray(header)) throw badKey("send one Idempotency-Key header");
  const fromHeader = header === undefined ? undefined : unquote(header.trim());
  const extensions = isRecord(body) && isRecord(body.extensions) ? body.extensions : {};
  const fromBody = extensions.idempotencyKey;
  if (fromBody !== undefined && typeof fromBody !== "string")
    throw badKey("extensions.idempotencyKey must be a string");
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody)
    throw badKey("the Idempotency-Key header and extensions.idempotencyKey differ");
  const key = fromHeader ?? fromBody;
  if (key !== undefined && !KEY_PATTERN.test(key))
    throw badKey("an idempotency key is 1 to 255 printable ASCII characters");
  return key;
}

/** A structured-field string (`"abc"`) loses its quotes; its escapes are undone. */
function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(value);
  return quoted ? (quoted[1] ?? "").replace(/\\(["\\])/g, "$1") : value;
}

/** A mutation a key applies to: the document as printed (layout normalised), name, variables. */
export interface KeyedMutation {
  document: string;
  operationName: string | null;
  variables: unknown;
}

/**
 * The mutation a single GraphQL request body runs, or undefined when it runs none: a query, a
 * batch, or a body that does not parse or name its operation (GraphQL refuses those itself,
 * before any subgraph is called, so a key on them has nothing to protect).
 */
export function keyedMutation(
  body: unknown,
  parseOptions: ParseOptions,
): KeyedMutation | undefined {
  if (!isRecord(body) || typeof body.query !== "string") return undefined;
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  try {
    const document = parse(body.query, parseOptions);
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== OperationTypeNode.MUTATION) return undefined;
    return { document: print(document), operationName, variables: body.variables ?? {} };
  } catch {
    return undefined;
  }
}

/** SHA-256 (hex) of the mutation as canonical JSON: object keys sorted, at every depth. */
export function requestHash(mutation: KeyedMutation): string {
  return createHash("sha256").update(canonicalJson(mutation), "utf8").digest("hex");
}

/** JSON with object keys sorted, so that equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((name) => value[name] !== undefined)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(value[name])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
