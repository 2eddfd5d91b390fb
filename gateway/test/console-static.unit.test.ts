import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sendFailure } from "@waybill/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleHandler } from "../src/console/static.ts";

let dir: string;
let server: Server;
let base: string;

/** A server that answers /console/* as the gateway does, from a console built in `folder`. */
async function serve(folder: string): Promise<{ server: Server; base: string }> {
  const handler = consoleHandler(folder);
  const running = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    handler(req, res, path).catch((error: unknown) => sendFailure(res, error, "plain", () => {}));
  });
  await new Promise<void>((done) => running.listen(0, "127.0.0.1", done));
  const address = running.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server: running, base: `http://127.0.0.1:${address.port}` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "waybill-console-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(join(dir, "assets", "index-abc.js"), "console.log(1)");
  writeFileSync(join(dir, "assets", "index-abc.css"), "body{}");
  writeFileSync(join(tmpdir(), "waybill-console-secret.txt"), "not the console's");
  ({ server, base } = await serve(dir));
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), "waybill-console-secret.txt"), { force: true });
});

describe("the console's files at /console", () => {
  it("serves each file with its content type, and assets to be kept for good", async () => {
    const script = await fetch(`${base}/console/assets/index-abc.js`);
    expect([script.status, script.headers.get("content-type")]).toEqual([
      200,
      "text/javascript; charset=utf-8",
    ]);
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect(await script.text()).toBe("console.log(1)");
    const style = await fetch(`${base}/console/assets/index-abc.css`);
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("answers the app's own pages with index.html, never cached, and sends /console to /console/", async () => {
    for (const page of ["/console/", "/console/orders/ord_1", "/console/sign-in?from=x"]) {
      const response = await fetch(`${base}${page}`);
      expect([response.status, response.headers.get("content-type")]).toEqual([
        200,
        "text/html; charset=utf-8",
      ]);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await response.text()).toContain("<title>console</title>");
    }
    const bare = await fetch(`${base}/console`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([308, "/console/"]);
  });

  it("refuses a missing asset, a path out of its folder and a write", async () => {
    expect((await fetch(`${base}/console/assets/gone.js`)).status).toBe(404);
    const escape = await fetch(`${base}/console/..%2Fwaybill-console-secret.txt`);
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain("not the console's");
    expect((await fetch(`${base}/console/`, { method: "POST" })).status).toBe(405);
  });

  it("says how to build the console when it was never built", async () => {
    const empty = mkdtempSync(join(tmpdir(), "waybill-console-empty-"));
    const unbuilt = await serve(empty);
    try {
      const response = await fetch(`${unbuilt.base}/console/orders`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("npm run build -w @waybill/console");
    } finally {
      await new Promise((done) => unbuilt.server.close(done));
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
