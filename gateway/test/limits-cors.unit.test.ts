import { boundPort, closeServer, listen } from "@waybill/http";
import { describe, expect, it, onTestFinished } from "vitest";
import { corsMiddleware } from "../src/limits/index.ts";

const PORTAL = "https://portal.example.com";

/** A real server that runs the middleware, then answers "served" when told to continue. */
async function serverAllowing(origins: readonly string[]): Promise<string> {
  const cors = corsMiddleware(origins);
  const server = await listen(
    async (req, res) => {
      if ((await cors(req, res)) === "preflight-answered") return;
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("served");
    },
    0,
    "127.0.0.1",
  );
  onTestFinished(() => closeServer(server));
  return `http://127.0.0.1:${boundPort(server)}/graphql`;
}

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  });

describe("CORS", () => {
  it("answers a preflight from an allowed origin with 204 and the CORS headers", async () => {
    const response = await preflight(await serverAllowing([PORTAL]), PORTAL);
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "access-control-allow-origin": PORTAL,
      "access-control-allow-methods": "GET,POST,OPTIONS",
      "access-control-allow-headers":
        "content-type,authorization,x-api-key,x-correlation-id,traceparent,idempotency-key",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    expect(response.headers.has("access-control-allow-credentials")).toBe(false);
    expect(await response.text()).toBe("");
  });

  it("refuses a preflight from any other origin with 403 and a coded error", async () => {
    const url = await serverAllowing([PORTAL]);
    for (const origin of ["https://evil.example.com", "https://portal.example.com.evil.net"]) {
      const response = await preflight(url, origin);
      expect(response.status).toBe(403);
      expect(response.headers.has("access-control-allow-origin")).toBe(false);
      expect(await response.json()).toEqual({
        errors: [
          { message: "origin not allowed", extensions: { code: "CORS_ORIGIN_NOT_ALLOWED" } },
        ],
      });
    }
  });

  it("refuses every preflight when no origin is allowed", async () => {
    const response = await preflight(await serverAllowing([]), PORTAL);
    expect(response.status).toBe(403);
  });

  it("lets other requests through, with CORS headers only for an allowed origin", async () => {
    const url = await serverAllowing([PORTAL]);
    const allowed = await fetch(url, { method: "POST", headers: { origin: PORTAL } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("served");
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(allowed.headers.get("vary")).toBe("Origin");
    expect(allowed.headers.get("access-control-expose-headers")).toBe(
      "x-correlation-id,retry-after,idempotent-replayed",
    );

    const other = await fetch(url, { headers: { origin: "https://evil.example.com" } });
    expect(other.status).toBe(200);
    expect(other.headers.has("access-control-allow-origin")).toBe(false);

    const sameOrigin = await fetch(url);
    expect(await sameOrigin.text()).toBe("served");
    expect(sameOrigin.headers.has("access-control-allow-origin")).toBe(false);
  });
});
