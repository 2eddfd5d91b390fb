import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/**
 * OData's error body: V2 `{"error": {"code", "message": {"lang", "value"}, "innererror"}}`, V4
 * `{"error": {"code", "message", "details"}}`. The message says what S/4HANA refused and why.
 */
type ODataErrorBody = {
  error?: { code?: string; message?: string | { lang?: string; value?: string } };
};

/** The code and message of an OData error answer, or the start of a body that is not one. */
export function errorText(text: string): string {
  try {
    const { error } = JSON.parse(text) as ODataErrorBody;
    if (error) {
      const message =
        typeof error.message === "string" ? error.message : (error.message?.value ?? "no message");
      return error.code ? `${error.code}: ${message}` : message;
    }
  } catch {
    // Not JSON: a proxy's page, or a gateway's plain-text refusal.
  }
  return text.slice(0, 200) || "no message";
}

/** The If-Match sent was stale: someone changed the entity since it was read. */
export class PreconditionFailed extends ConnectorError {
  constructor(message: string) {
    super("later", message);
    this.name = "PreconditionFailed";
  }
}

/** Turns an S/4HANA error answer into what the framework acts on. */
export function refusal(status: number, text: string, retryAfter: string | null): ConnectorError {
  const message = `S/4HANA ${status}: ${errorText(text)}`;
  if (status === 429)
    return new ConnectorError("rate_limited", message, {
      retryAfterSeconds: retryAfterSeconds(retryAfter ?? undefined, new Date()) ?? 1,
    });
  // 401 after a fresh credential: a password or secret no one renewed; the breaker pauses the rest.
  if (status >= 500 || status === 401) return new ConnectorError("unavailable", message);
  if (status === 412) return new PreconditionFailed(message);
  // 400 and the rest: the document as sent is refused; retrying the same cannot help.
  return new ConnectorError("parked", message);
}
