import { isIP } from "node:net";
import { Agent, request } from "undici";
import type { TargetGuard } from "./ssrf.ts";

/** What one POST to a receiver came to. */
export type SendResult = {
  /** The HTTP status; null when no answer came (refused, timed out, connection failed). */
  status: number | null;
  latencyMs: number;
  /** The `Retry-After` header, as received. */
  retryAfter: string | undefined;
  error: string | null;
};

/** Posts signed payloads to receivers; at most `timeoutMs` per request. */
export interface Sender {
  post(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
  close(): Promise<void>;
}

/**
 * A sender whose every connection goes through `guard`: a host is resolved at connect time and a
 * forbidden address refused before any byte is sent. Redirects are not followed (an answer is
 * taken as it is, so a 3xx counts as a failure).
 */
export function webhookSender(guard: TargetGuard, timeoutMs: number): Sender {
  const agent = new Agent({
    connect: { lookup: guard.lookup, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections: 8,
  });
  return {
    async post(url, headers, body) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        // A literal address is not looked up when connecting: check it here.
        const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
        if (isIP(host)) guard.checkAddress(host);
        const response = await request(url, {
          method: "POST",
          headers,
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Only the status counts; read a little of the body so the connection can be reused.
        await response.body.dump({ limit: 64 * 1024 });
        const retryAfter = response.headers["retry-after"];
        return {
          status: response.statusCode,
          latencyMs: elapsed(),
          retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
          error: null,
        };
      } catch (error) {
        const reason = error instanceof Error ? (error.cause ?? error) : error;
        const message = reason instanceof Error ? reason.message : String(reason);
        return { status: null, latencyMs: elapsed(), retryAfter: undefined, error: message };
      }
    },
    close: () => agent.close(),
  };
}
