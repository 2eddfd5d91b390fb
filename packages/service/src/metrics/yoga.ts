import { getOperationAST, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { graphqlMetrics, type GraphQLOutcome, type Metrics } from "@waybill/observability";
import type { OperationLabel } from "@waybill/observability";

type Tracked = OperationLabel & { started: number };
type Executed = {
  contextValue: { request: Request };
  document: DocumentNode;
  operationName?: string | null;
};

function outcomeOf(result: unknown): GraphQLOutcome {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  const failed = results.some(
    (one) =>
      typeof one === "object" &&
      one !== null &&
      "errors" in one &&
      Array.isArray(one.errors) &&
      one.errors.length > 0,
  );
  return failed ? "error" : "ok";
}

/** A graphql-yoga plugin recording every operation in `waybill_graphql_*` (see `graphqlMetrics`). */
export function yogaMetricsPlugin(metrics: Metrics): Plugin {
  const graphql = graphqlMetrics(metrics);
  const requests = new WeakMap<Request, Tracked>();
  return {
    onParams({ request, params }) {
      requests.set(request, { started: performance.now(), name: params.operationName });
    },
    onExecute({ args }) {
      const { contextValue, document, operationName } = args as Executed;
      const tracked = requests.get(contextValue.request);
      const operation = getOperationAST(document, operationName);
      if (!tracked || !operation) return;
      tracked.name = operation.name?.value ?? tracked.name;
      tracked.type = operation.operation;
    },
    onResultProcess({ request, result }) {
      const tracked = requests.get(request);
      if (!tracked) return;
      requests.delete(request);
      graphql.observe(tracked, outcomeOf(result), (performance.now() - tracked.started) / 1000);
    },
  };
}
