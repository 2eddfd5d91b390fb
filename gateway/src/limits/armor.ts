import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ParseOptions, ValidationContext, ValidationRule } from "graphql";
import type { LimitsConfig } from "./config.ts";
import { costCheck } from "./cost.ts";
import { limitErrors, QueryLimitError, type QueryLimitCode } from "./limit-errors.ts";

/** What `new ApolloServer` needs to enforce the query limits; spread it into the server's options. */
export type QueryLimits = {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: ParseOptions;
  /** The cost check, which needs the variables (page sizes): run once the operation is known. */
  cost: ReturnType<typeof costCheck>;
};

/** Refuses an operation over the cost limits before any subgraph is called (HTTP 400). */
function costLimit(cost: QueryLimits["cost"]): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          const refusal = operation && cost(schema, document, operation, request.variables ?? {});
          // `limitErrors` answers it with its code and HTTP 400.
          if (refusal) throw refusal;
          return Promise.resolve();
        },
      }),
  };
}

/** Armor options that report a coded error to the validation context instead of throwing. */
function refuse(code: QueryLimitCode, message: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) =>
        context?.reportError(new QueryLimitError(code, message)),
    ],
  };
}

/**
 * Rules, plugins and parser options that refuse an operation too deep, costly, aliased, directed
 * or long before the gateway plans it, each with its own `extensions.code` and HTTP 400, and that
 * keep schema suggestions out of error messages.
 */
export function queryLimits(config: LimitsConfig): QueryLimits {
  const depth = config.QUERY_MAX_DEPTH;
  const aliases = config.QUERY_MAX_ALIASES;
  const directives = config.QUERY_MAX_DIRECTIVES;
  const armor = new ApolloArmor({
    maxDepth: { n: depth, ...refuse("QUERY_TOO_DEEP", `query is deeper than ${depth} levels`) },
    // The cost needs the page sizes a request's variables give: `costLimit` checks it.
    costLimit: { enabled: false },
    maxAliases: {
      n: aliases,
      // Armor leaves `__typename` aliases uncounted by default; each one still costs an answer.
      allowList: [],
      ...refuse("TOO_MANY_ALIASES", `query uses more than ${aliases} aliases`),
    },
    maxDirectives: {
      n: directives,
      ...refuse("TOO_MANY_DIRECTIVES", `query uses more than ${directives} directives`),
    },
    // Armor's Apollo plugin parses every query a second time, answers a long one with a 500 and
    // rewrites every unexpected error into a client-visible one; the parser's own limit does not.
    maxTokens: { enabled: false },
    // Armor's mask misses enum-value suggestions and leaves a stray "?"; `limitErrors` strips them.
    blockFieldSuggestion: { enabled: false },
  });
  // With both of its plugins off, armor contributes validation rules only.
  const { validationRules } = armor.protect();
  const cost = costCheck({ maxCost: config.QUERY_MAX_COST, maxRows: config.QUERY_MAX_ROWS });
  return {
    validationRules,
    plugins: [limitErrors(config.QUERY_MAX_TOKENS), costLimit(cost)],
    parseOptions: { maxLexicalTokens: config.QUERY_MAX_TOKENS },
    cost,
  };
}
