import { z } from "zod";
import { PAGE_SIZE } from "@waybill/graphql";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A comma-separated list of names; empty entries are dropped. */
const commaList = z
  .string()
  .default("")
  .transform((text) =>
    text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** Exact origins such as `https://portal.example.com`: no wildcard, path or trailing slash. */
const origins = commaList.superRefine((list, ctx) => {
  for (const origin of list) {
    if (origin === "*") {
      ctx.addIssue({
        code: "custom",
        message: `"*" is not allowed; list each origin exactly (for example https://portal.example.com)`,
      });
    } else if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      ctx.addIssue({
        code: "custom",
        message: `"${origin}" is not an origin; use scheme://host[:port] with no path or trailing slash`,
      });
    }
  }
});

/** The variables that bound what one request may ask of the gateway. */
export const limitsEnv = {
  /** Deepest field nesting an operation may have (fragments count as a level). */
  QUERY_MAX_DEPTH: positiveInt(10),
  /**
   * Highest cost of an operation's shape (graphql-armor's model: scalars 1, objects 2, ×1.5 per
   * level), each list counted once.
   */
  QUERY_MAX_COST: positiveInt(5000),
  /**
   * Most rows an operation may ask for: each list's page size times the rows of the lists around
   * it, summed. At least the largest page, so that a legal page alone is always served.
   */
  QUERY_MAX_ROWS: z.coerce
    .number()
    .int()
    .min(PAGE_SIZE.max, `must be at least the largest page, ${PAGE_SIZE.max}`)
    .default(10_000),
  /** Most aliases an operation may use; aliases multiply the work of one field. */
  QUERY_MAX_ALIASES: positiveInt(15),
  /** Most lexical tokens a document may have; the parser stops at the limit. */
  QUERY_MAX_TOKENS: positiveInt(2000),
  /** Most directives an operation may use. */
  QUERY_MAX_DIRECTIVES: positiveInt(10),
  /** Requests a client may make per window; 0 turns rate limiting off. */
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(600),
  /** Length of the rate-limit window in seconds. */
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  /** Comma-separated origins browsers may call from; empty (the default) allows no cross-origin call. */
  CORS_ALLOWED_ORIGINS: origins,
  /** Path of an Apollo persisted query manifest with the trusted documents. */
  PERSISTED_DOCUMENTS_FILE: z
    .string()
    .min(1, "give the path of a persisted query manifest")
    .optional(),
  /** Comma-separated roles that may only send documents from the manifest. */
  PERSISTED_DOCUMENTS_REQUIRED_FOR: commaList,
};

/** The validated limits configuration. */
export type LimitsConfig = z.infer<z.ZodObject<typeof limitsEnv>>;
