import type { GraphQLFormattedError } from "graphql";

/** Extensions that describe the inside of the hub (which service, stack traces). */
const HIDDEN = new Set(["serviceName", "exception", "stacktrace"]);

/**
 * In production, an error the gateway or a subgraph did not code on purpose says only "Internal
 * server error", and errors carry no detail beyond their code; development keeps everything.
 */
export function maskErrorsInProduction(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) return formatted;
    const code = formatted.extensions?.code;
    if (code === undefined || code === "INTERNAL_SERVER_ERROR")
      return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(([name]) => !HIDDEN.has(name)),
    );
    return { ...formatted, extensions };
  };
}
