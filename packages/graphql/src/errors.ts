import { GraphQLError } from "graphql";

/** Codes of the GraphQL errors Waybill raises, in SCREAMING_SNAKE. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INTERNAL_SERVER_ERROR";

/** A GraphQL error with `extensions.code`, for outcomes that are not part of a result union. */
export function codedError(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** The code of a GraphQL error or of the error it wraps, if any. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof GraphQLError && typeof error.extensions.code === "string") {
    return error.extensions.code;
  }
  return error instanceof GraphQLError ? errorCode(error.originalError) : undefined;
}
