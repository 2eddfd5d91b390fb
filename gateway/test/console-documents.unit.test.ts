import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { consoleDocuments } from "../src/console/documents.ts";
import { combineDocuments, loadPersistedDocuments } from "../src/limits/index.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const VIEWER = "query Viewer { viewer { role } }";
const PORTAL = "query PortalOrders { orders { edges { node { id } } } }";

/** A folder with an Apollo manifest of `bodies` under `name`. */
function folderWith(name: string, bodies: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "waybill-console-docs-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const operations = bodies.map((body) => ({
    id: sha256(body),
    name: /query (\w+)/.exec(body)?.[1] ?? "",
    type: "query",
    body,
  }));
  const manifest = { format: "apollo-persisted-query-manifest", version: 1, operations };
  writeFileSync(join(dir, name), JSON.stringify(manifest));
  return dir;
}

describe("the console's trusted documents", () => {
  it("are the manifest its build wrote, and none before it is built", () => {
    const built = consoleDocuments(folderWith("persisted-query-manifest.json", [VIEWER]));
    expect(built?.get(sha256(VIEWER))).toBe(VIEWER);
    expect(consoleDocuments(folderWith("other.json", [VIEWER]))).toBeUndefined();
  });

  it("are trusted beside the operator's manifest", () => {
    const operator = loadPersistedDocuments(join(folderWith("m.json", [PORTAL]), "m.json"));
    const console = consoleDocuments(folderWith("persisted-query-manifest.json", [VIEWER]));
    const both = combineDocuments([operator, console]);
    expect(both?.get(sha256(PORTAL))).toBe(PORTAL);
    expect(both?.get(sha256(VIEWER))).toBe(VIEWER);
    expect(both?.get(sha256("{ apiKeys { edges { node { id } } } }"))).toBeUndefined();
    expect(both?.size).toBe(2);
    expect(combineDocuments([undefined, undefined])).toBeUndefined();
  });
});
