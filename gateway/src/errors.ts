import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** Extensions that describe the inside of the hub (which service, stack traces). */
const HIDDEN = new Set(["serviceName", "exception", "stacktrace"]);

/** Extensions no client ever sees: a subgraph's URL and raw answer. */
const NEVER_SHOWN = new Set(["response"]);

const without = (extensions: GraphQLFormattedError["extensions"], names: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(extensions ?? {}).filter(([name]) => !names.has(name)));

/**
 * In production, an error the gateway or a subgraph did not code on purpose says only "Internal
 * server error", and errors carry no detail beyond their code; development keeps the details but,
 * like production, never a subgraph's URL or raw answer.
 */
export function maskErrorsInProduction(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) {
      if (!formatted.extensions?.response) return formatted;
      return { ...formatted, extensions: without(formatted.extensions, NEVER_SHOWN) };
    }
    const code = formatted.extensions?.code;
    if (code === undefined || code === "INTERNAL_SERVER_ERROR")
      return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    const hidden = new Set([...HIDDEN, ...NEVER_SHOWN]);
    return { ...formatted, extensions: without(formatted.extensions, hidden) };
  };
}

type SubgraphAnswer = { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  413: "PAYLOAD_TOO_LARGE",
};

/**
 * The error a subgraph's HTTP failure becomes. A refused request (4xx) keeps the subgraph's first
 * error, its message (for variables, it names the variable) and its code, or the status's code; a
 * failure (5xx, no answer) says nothing of the inside. Never the subgraph's URL or raw body.
 */
export function subgraphHttpError(status: number, body: unknown): GraphQLError {
  const code = CODE_OF_STATUS[status];
  if (status >= 500 || code === undefined)
    return new GraphQLError("Internal server error", {
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  const [first] =
    (typeof body === "object" && body !== null ? (body as SubgraphAnswer) : {}).errors ?? [];
  const message = typeof first?.message === "string" ? first.message : `refused (${status})`;
  const given = first?.extensions?.code;
  return new GraphQLError(message, {
    extensions: { code: typeof given === "string" ? given : code },
  });
}
