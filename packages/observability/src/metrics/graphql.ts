import { LATENCY_BUCKETS, type Metrics } from "./registry.ts";

/** `ok`: data without errors; `error`: the response carries GraphQL errors. */
export type GraphQLOutcome = "ok" | "error";

/** The operation as the server resolved it; either part may be unknown (a parse error). */
export interface OperationLabel {
  name?: string | null | undefined;
  type?: string | null | undefined;
}

/** Counts and times GraphQL operations by operation name, type and outcome. */
export interface GraphQLMetrics {
  observe(operation: OperationLabel, outcome: GraphQLOutcome, seconds: number): void;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const TYPES = new Set(["query", "mutation", "subscription"]);
/** Distinct operation names kept as labels; later ones are counted as `other`. */
const MAX_OPERATIONS = 200;

const cache = new WeakMap<Metrics, GraphQLMetrics>();

/**
 * The GraphQL request metrics of a process (one instance per registry). Operation names are
 * client-chosen: only well-formed names, and only the first 200 distinct ones, become labels.
 */
export function graphqlMetrics(metrics: Metrics): GraphQLMetrics {
  const known = cache.get(metrics);
  if (known) return known;
  const labelNames = ["operation", "type", "outcome"] as const;
  const requests = metrics.counter({
    name: "waybill_graphql_requests_total",
    help: "GraphQL operations served, by operation name, type and outcome.",
    labelNames,
  });
  const duration = metrics.histogram({
    name: "waybill_graphql_request_duration_seconds",
    help: "Time to serve a GraphQL operation, by operation name, type and outcome.",
    labelNames,
    buckets: LATENCY_BUCKETS,
  });
  const names = new Set<string>();
  const operationName = (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    if (!NAME.test(name)) return "other";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATIONS) return "other";
    names.add(name);
    return name;
  };
  const observer: GraphQLMetrics = {
    observe({ name, type }, outcome, seconds) {
      const labels = {
        operation: operationName(name),
        type: type && TYPES.has(type) ? type : "unknown",
        outcome,
      };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
  cache.set(metrics, observer);
  return observer;
}
