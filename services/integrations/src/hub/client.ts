import { encodePrincipal, principalOf, signRequest, type Principal } from "@waybill/auth";
import { HttpError } from "@waybill/http";
import { CORRELATION_HEADER, currentContext } from "@waybill/observability";

/**
 * Who the integrations service is when it asks the hub: an agent that may place orders for
 * customers it finds or creates, and read them back. Nothing else.
 */
export const INTEGRATIONS_PRINCIPAL: Principal = principalOf({
  subject: "service:integrations",
  role: "agent",
  scopes: ["orders:read", "orders:write", "customers:write"],
});

/**
 * Who the integrations service is when a storefront's customer asks for a return there: an agent
 * that may request returns of the storefront's orders, and read them.
 */
export const STOREFRONT_RETURNS_PRINCIPAL: Principal = principalOf({
  subject: "service:integrations",
  role: "agent",
  scopes: ["orders:read", "returns:write"],
});

/**
 * Who the integrations service is when it reports what carriers told it: a carrier, which may only
 * record milestones. Shipments matches, dedupes and parks them by its own rules.
 */
export const CARRIER_PRINCIPAL: Principal = principalOf({
  subject: "service:integrations",
  role: "carrier",
  scopes: ["milestones:write"],
});

const TIMEOUT_MS = 30_000;

type GraphQLAnswer<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** GraphQL through the gateway, as `INTEGRATIONS_PRINCIPAL` unless another principal is given. */
export interface Hub {
  execute<T>(document: string, variables: Record<string, unknown>, as?: Principal): Promise<T>;
}

/**
 * The hub as the integrations service reaches it: the supergraph at the gateway, each call signed
 * with the internal key as the gateway signs its own calls. When the hub cannot answer, a 503
 * HttpError: the sender keeps the webhook and delivers it again later.
 */
export function hubClient(gatewayUrl: string, signingKey: Buffer): Hub {
  const url = new URL(gatewayUrl);
  return {
    async execute<T>(
      document: string,
      variables: Record<string, unknown>,
      as: Principal = INTEGRATIONS_PRINCIPAL,
    ): Promise<T> {
      const principal = encodePrincipal(as);
      const body = JSON.stringify({ query: document, variables });
      const trace = currentContext();
      let answer: GraphQLAnswer<T>;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(trace ? { [CORRELATION_HEADER]: trace.correlationId } : {}),
            ...signRequest(signingKey, { method: "POST", path: url.pathname, body, principal }),
          },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        answer = (await response.json()) as GraphQLAnswer<T>;
      } catch (error) {
        throw new HttpError(
          503,
          "HUB_UNAVAILABLE",
          `the hub did not answer: ${(error as Error).message}`,
        );
      }
      if (answer.errors?.length || !answer.data) {
        const [first] = answer.errors ?? [];
        const code = first?.extensions?.code ?? "NO_DATA";
        throw new HttpError(
          503,
          "HUB_UNAVAILABLE",
          `the hub refused the request (${code}): ${first?.message ?? "no data"}`,
        );
      }
      return answer.data;
    },
  };
}
