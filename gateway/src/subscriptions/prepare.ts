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
  let document: DocumentNode;
  try {
    document = parse(request.query, limits.parseOptions);
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
