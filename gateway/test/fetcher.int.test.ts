import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { INTERNAL_HEADERS, verifyRequest } from "@waybill/auth";
import { freePort } from "@waybill/devtools";
import { keepAliveFetcher } from "../src/fetcher.ts";

let server: Server;
let url: string;
let connections = 0;
const seen: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ headers: req.headers, body });
      const status = req.url === "/teapot" ? 418 : 200;
      res.writeHead(status, { "Content-Type": "application/json", "X-Answer": "42" });
      res.end(JSON.stringify({ echo: body }));
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("keepAliveFetcher", () => {
  const key = randomBytes(32);
  const fetcher = keepAliveFetcher(key);

  it("posts the body and headers and answers like fetch", async () => {
    const response = await fetcher(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-correlation-id": "c-1" },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(response.headers.get("x-answer")).toBe("42");
    expect(await response.json()).toEqual({ echo: '{"query":"{ __typename }"}' });
    expect(response.bodyUsed).toBe(true);
    expect(seen.at(-1)?.headers).toMatchObject({
      "x-correlation-id": "c-1",
      "content-length": "26",
    });
    // Signed as the gateway: a subgraph holding the key accepts exactly this request.
    const headers = seen.at(-1)?.headers ?? {};
    const parts = {
      method: "POST",
      path: "/graphql",
      body: '{"query":"{ __typename }"}',
      principal: "",
    };
    const stamp = {
      timestamp: headers[INTERNAL_HEADERS.timestamp] as string,
      signature: headers[INTERNAL_HEADERS.signature] as string,
    };
    expect(verifyRequest(key, parts, stamp)).toEqual({ valid: true });
    expect(verifyRequest(randomBytes(32), parts, stamp)).toEqual({
      valid: false,
      reason: "mismatch",
    });
  });

  it("reports a non-2xx status with its body", async () => {
    const response = await fetcher(`${url}/teapot`, { method: "POST", body: "x" });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(418);
    expect(response.statusText).toBe("I'm a Teapot");
    expect(await response.clone().text()).toBe('{"echo":"x"}');
  });

  it("keeps one connection for requests made one after another", async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) await (await fetcher(`${url}/graphql`, { body: "{}" })).text();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("fails like the default fetcher when the subgraph is down", async () => {
    const down = `http://127.0.0.1:${await freePort()}/graphql`;
    const error = await fetcher(down, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "FetchError", code: "ECONNREFUSED" });
    expect((error as Error).message).toMatch(
      /^request to http:\/\/127\.0\.0\.1:\d+\/graphql failed, reason: connect ECONNREFUSED/,
    );
  });

  it("refuses URLs other than http:", async () => {
    await expect(fetcher("https://127.0.0.1/graphql")).rejects.toThrow(/http: subgraph URLs only/);
  });
});
