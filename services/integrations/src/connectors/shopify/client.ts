import { setTimeout as sleep } from "node:timers/promises";
import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/** The leaky bucket as the last answer's `extensions.cost.throttleStatus` told it. */
type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
type Cost = { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
type GraphqlError = { message?: string; extensions?: { code?: string } };
type Answer = {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[] | string;
  extensions?: { cost?: Cost };
};

/** A first guess at an operation's cost before Shopify has told it (a mutation costs 10). */
const FIRST_GUESS = 10;
/** Longer waits for the bucket are the framework's (rate_limited), not a request held open. */
const LONGEST_WAIT_SECONDS = 5;

/** The GraphQL Admin API of one shop. */
export interface ShopifyAdmin {
  /** Runs `document` (one named operation) and returns its `data`; throws a ConnectorError. */
  request<T>(operation: string, document: string, variables: Record<string, unknown>): Promise<T>;
}

const messages = (errors: GraphqlError[] | string | undefined) =>
  typeof errors === "string"
    ? errors
    : (errors ?? []).map((error) => error.message ?? "no message").join("; ");

/** Seconds until the bucket holds `cost` again, from what it held `elapsedMs` ago. */
export function waitSeconds(status: ThrottleStatus, cost: number, elapsedMs = 0): number {
  const now = Math.min(
    status.maximumAvailable,
    status.currentlyAvailable + (elapsedMs / 1_000) * status.restoreRate,
  );
  if (now >= cost || status.restoreRate <= 0) return 0;
  return Math.ceil(((cost - now) / status.restoreRate) * 10) / 10;
}

/**
 * A client of the GraphQL Admin API (`POST /admin/api/{version}/graphql.json` with
 * `X-Shopify-Access-Token`). Cost-based throttling: each answer's `extensions.cost` tells the
 * bucket, and a request waits until the bucket holds the operation's last requested cost; a
 * THROTTLED answer is `rate_limited` for as long as the restore rate needs. A 401 reads the token
 * again (a rotated file) and sends once more. A timeout, a network failure or a 5xx is
 * "unavailable": a mutation may have taken effect, so callers look up before creating again.
 */
export function shopifyAdmin(
  endpoint: string,
  token: () => string,
  timeoutMs: number,
): ShopifyAdmin {
  let current = token();
  let bucket: { status: ThrottleStatus; at: number } | null = null;
  const costs = new Map<string, number>();

  async function waitForBucket(operation: string) {
    if (!bucket) return;
    const wait = waitSeconds(
      bucket.status,
      costs.get(operation) ?? FIRST_GUESS,
      Date.now() - bucket.at,
    );
    if (wait > LONGEST_WAIT_SECONDS)
      throw new ConnectorError("rate_limited", `Shopify's bucket is low: waiting ${wait} s`, {
        retryAfterSeconds: wait,
      });
    if (wait > 0) await sleep(wait * 1_000);
  }

  async function send(
    operation: string,
    document: string,
    variables: Record<string, unknown>,
    renewed: boolean,
  ): Promise<Answer> {
    await waitForBucket(operation);
    let response: Response;
    let text: string;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "x-shopify-access-token": current,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({ query: document, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `Shopify did not answer ${operation}: ${(error as Error).message}`,
      );
    }
    let body: Answer;
    try {
      body = text ? (JSON.parse(text) as Answer) : {};
    } catch {
      body = { errors: text.slice(0, 200) };
    }
    if (response.status === 401 && !renewed) {
      current = token();
      return send(operation, document, variables, true);
    }
    const problem = `Shopify ${response.status} on ${operation}: ${messages(body.errors) || "no message"}`;
    if (response.status === 401)
      throw new ConnectorError(
        "unavailable",
        `${problem} (the access token in SHOPIFY_ADMIN_TOKEN was refused)`,
      );
    if (response.status === 429)
      throw new ConnectorError("rate_limited", problem, {
        retryAfterSeconds:
          retryAfterSeconds(response.headers.get("retry-after") ?? undefined, new Date()) ?? 1,
      });
    // A missing access scope is the app's set-up, not something a retry mends.
    if (response.status === 403) throw new ConnectorError("parked", problem);
    if (!response.ok) throw new ConnectorError("unavailable", problem);
    return body;
  }

  return {
    async request<T>(operation: string, document: string, variables: Record<string, unknown>) {
      const body = await send(operation, document, variables, false);
      const cost = body.extensions?.cost;
      if (cost?.throttleStatus) bucket = { status: cost.throttleStatus, at: Date.now() };
      if (cost?.requestedQueryCost !== undefined) costs.set(operation, cost.requestedQueryCost);
      const errors = typeof body.errors === "string" ? [{ message: body.errors }] : body.errors;
      if (errors?.some((error) => error.extensions?.code === "THROTTLED")) {
        const status = cost?.throttleStatus;
        const wait = status ? waitSeconds(status, cost.requestedQueryCost ?? FIRST_GUESS) : 1;
        throw new ConnectorError("rate_limited", `Shopify throttled ${operation}`, {
          retryAfterSeconds: Math.max(wait, 0.1),
        });
      }
      if (errors?.length || !body.data)
        throw new ConnectorError(
          "parked",
          `Shopify refused ${operation}: ${messages(errors) || "no data"}`,
        );
      return body.data as T;
    },
  };
}

/** A mutation's `userErrors`, as one refusal: the document as it is will not be taken. */
export function refusedBy(
  operation: string,
  userErrors: readonly { field?: string[] | null; message: string }[],
): ConnectorError | null {
  if (userErrors.length === 0) return null;
  const text = userErrors
    .map((error) => (error.field?.length ? `${error.field.join(".")}: ` : "") + error.message)
    .join("; ");
  return new ConnectorError("parked", `Shopify refused ${operation}: ${text}`);
}
