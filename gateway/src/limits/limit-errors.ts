import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/** Codes of the errors that refuse a query for exceeding a limit. */
export type QueryLimitCode =
  | "QUERY_TOO_DEEP"
  | "QUERY_TOO_COSTLY"
  | "TOO_MANY_ALIASES"
  | "TOO_MANY_DIRECTIVES"
  | "TOO_MANY_TOKENS";

/**
 * A query refused by a limit; Apollo wraps it in its own validation error (or, thrown by a plugin,
 * in a GraphQL error of its own copy of graphql), and `limitErrors` restores the code.
 */
export class QueryLimitError extends GraphQLError {
  constructor(code: QueryLimitCode, message: string) {
    super(message, { extensions: { code } });
  }
}

/** graphql-js's "Did you mean …?" hints, which name parts of the schema (field, type, enum value). */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Makes refusals reach the client with their own code: Apollo reports every validation error as
 * GRAPHQL_VALIDATION_FAILED and every parse error as GRAPHQL_PARSE_FAILED. Also removes schema
 * suggestions from every error message.
 */
export function limitErrors(maxTokens: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: ({ errors, source, response }) => {
          for (const error of errors) {
            const original = error instanceof QueryLimitError ? error : error.originalError;
            if (original instanceof QueryLimitError) {
              error.extensions.code = original.extensions.code;
              // A refusal before execution (the cost check) would otherwise be answered with 500.
              response.http.status = 400;
            } else if (
              error.extensions.code === "GRAPHQL_PARSE_FAILED" &&
              source !== undefined &&
              hasMoreTokens(source, maxTokens)
            ) {
              error.extensions.code = "TOO_MANY_TOKENS" satisfies QueryLimitCode;
              error.message = `query has more than ${maxTokens} tokens`;
            }
            error.message = error.message.replace(SUGGESTION, "");
          }
          return Promise.resolve();
        },
      }),
  };
}

/** Whether `source` has more than `limit` tokens; reads at most `limit + 1` of them. */
function hasMoreTokens(source: string, limit: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; count <= limit; count++) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch {
    return false; // a lexical error before the limit: the document is malformed, not too long
  }
}
