import type { CombinedError } from "urql";
import type { ReactNode } from "react";

/** Shown while data is on its way; announced to screen readers once. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** What a list shows when it has nothing, rather than a blank space. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** The code of an error as the gateway gave it: the GraphQL error's, else the transport's. */
export function errorCode(error: CombinedError): string {
  const code = error.graphQLErrors.find((e) => typeof e.extensions.code === "string")?.extensions
    .code;
  if (typeof code === "string") return code;
  return error.networkError ? "NETWORK_ERROR" : "UNKNOWN";
}

/** An error with its code, so that a person can tell support exactly what they saw. */
export function ErrorNotice({
  error,
}: {
  error: CombinedError | { code: string; message: string };
}) {
  const code = "graphQLErrors" in error ? errorCode(error) : error.code;
  const message =
    "graphQLErrors" in error
      ? (error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message)
      : error.message;
  return (
    <div className="error" role="alert">
      <code className="error-code">{code}</code> {message}
    </div>
  );
}
