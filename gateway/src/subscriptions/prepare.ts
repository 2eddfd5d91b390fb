import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type { QueryLimits } from "../limits/index.ts";
import type { SubscriptionContext } from "./feeds.ts";

export type SubscriptionArgs = ExecutionArgs & { contextValue: SubscriptionContext };

/** The API schema subscriptions are validated against, and the resolvers that run them. */
export type SubscriptionSetup = {
  schema: GraphQLSchema;
  limits: QueryLimits;
  subscribe: GraphQLFieldResolver<unknown, SubscriptionContext, Record<string, unknown>>;
  resolve: GraphQLFieldResolver<unknown, SubscriptionContext>;
};

export type SubscriptionRequest = {
  query: string;
  variables?: Record<string, unknown> | null | undefined;
  operationName?: string | null | undefined;
};

/** How many distinct valid documents are kept parsed, per schema. */
const KEPT_DOCUMENTS = 1_000;
const validDocuments = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

/**
 * The document parsed and validated, or why not. Valid documents are kept by their text, so the
 * many subscribers of one client share one parsed document (and what is derived from its nodes).
 */
function validDocument(
  setup: SubscriptionSetup,
  query: string,
): DocumentNode | readonly GraphQLError[] {
  const { schema, limits } = setup;
  let kept = validDocuments.get(schema);
  if (!kept) {
    kept = new Map();
    validDocuments.set(schema, kept);
  }
  const found = kept.get(query);
  if (found) return found;
  let document: DocumentNode;
  try {
    document = parse(query, limits.parseOptions);
  } catch (error) {
    const tooLong = /token limit/i.test((error as Error).message);
    return [
      new GraphQLError(tooLong ? "the document has too many tokens" : (error as Error).message, {
        extensions: { code: tooLong ? "TOO_MANY_TOKENS" : "GRAPHQL_PARSE_FAILED" },
      }),
    ];
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (errors.length)
    return errors.map((error) =>
      error.extensions.code
        ? error
        : new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          }),
    );
  // The oldest kept document makes room: Maps iterate in insertion order.
  if (kept.size >= KEPT_DOCUMENTS) kept.delete(kept.keys().next().value ?? "");
  kept.set(query, document);
  return document;
}

/**
 * Parses and validates a subscription under the same limits as any request (tokens, depth, cost,
 * aliases); anything but a subscription is refused, since queries and mutations go to POST /graphql.
 */
export function prepareSubscription(
  setup: SubscriptionSetup,
  request: SubscriptionRequest,
  context: SubscriptionContext,
): SubscriptionArgs | readonly GraphQLError[] {
  const { schema, limits } = setup;
  const document = validDocument(setup, request.query);
  if (!("kind" in document)) return document;
  const operation = getOperationAST(document, request.operationName);
  const refusal = operation && limits.cost(schema, document, operation, request.variables ?? {});
  if (refusal) return [refusal];
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION)
    return [
      new GraphQLError(
        "only subscriptions are served here; send queries and mutations to POST /graphql",
        {
          extensions: { code: "BAD_REQUEST" },
        },
      ),
    ];
  return {
    schema,
    document,
    variableValues: request.variables ?? {},
    operationName: request.operationName ?? null,
    contextValue: context,
    subscribeFieldResolver: setup.subscribe,
    fieldResolver: setup.resolve,
  };
}
