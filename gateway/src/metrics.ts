import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { graphqlMetrics, type Metrics } from "@waybill/observability";
import type { IdempotencyOutcome } from "./idempotency/index.ts";

/**
 * Records every operation the gateway serves in `waybill_graphql_*`, by the operation name and
 * type Apollo resolved and by outcome (`error` when the response carries errors).
 */
export function apolloMetricsPlugin<T extends BaseContext>(
  metrics: Metrics,
): ApolloServerPlugin<T> {
  const graphql = graphqlMetrics(metrics);
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ operationName, operation, response }) {
          const { body } = response;
          const failed = body.kind === "single" && Boolean(body.singleResult.errors?.length);
          graphql.observe(
            { name: operationName, type: operation?.operation },
            failed ? "error" : "ok",
            (performance.now() - started) / 1000,
          );
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Counts idempotency outcomes in `waybill_gateway_idempotency_total`: answers replayed for a
 * retried key, keys refused because they came with another request, keys still in progress.
 */
export function idempotencyMetrics(metrics: Metrics): (outcome: IdempotencyOutcome) => void {
  const outcomes = metrics.counter({
    name: "waybill_gateway_idempotency_total",
    help: "Requests with an idempotency key that were replayed or refused, by outcome.",
    labelNames: ["outcome"] as const,
  });
  return (outcome) => outcomes.inc({ outcome });
}
