import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@waybill/config";
import { describe, expect, it, onTestFinished } from "vitest";
import { HttpError } from "@waybill/http";
import {
  applyPersistedDocument,
  loadPersistedDocuments,
  type PersistedDocuments,
} from "../src/limits/index.ts";

const SHIPMENT = "query Shipment($id: ID!) { shipment(id: $id) { id status } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const SHIPMENT_ID = sha256(SHIPMENT);
const UNKNOWN_ID = sha256("{ orders { edges { node { id } } } }");

/** Writes `manifest` as JSON in a fresh temporary directory and returns its path. */
function manifestFile(manifest: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "waybill-persisted-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "manifest.json");
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

const manifest = (operations: { id: string; body: string }[]) => ({
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: operations.map((operation) => ({ name: "Shipment", type: "query", ...operation })),
});

const trusted = (): PersistedDocuments =>
  loadPersistedDocuments(manifestFile(manifest([{ id: SHIPMENT_ID, body: SHIPMENT }])));

/** The status and code of the HttpError `apply` throws. */
function refusal(apply: () => unknown): { status: number; code: string } {
  try {
    apply();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("the request was not refused");
}

describe("loading persisted documents", () => {
  it("reads an Apollo persisted query manifest", () => {
    const documents = trusted();
    expect(documents.size).toBe(1);
    expect(documents.get(SHIPMENT_ID)).toBe(SHIPMENT);
    expect(documents.get(UNKNOWN_ID)).toBeUndefined();
  });

  it("refuses a manifest whose id is not the sha256 of the body, naming the file", () => {
    const file = manifestFile(manifest([{ id: UNKNOWN_ID, body: SHIPMENT }]));
    const load = () => loadPersistedDocuments(file);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      `persisted documents ${file}: operations.0 (Shipment): id is not the sha256`,
    );
  });

  it("refuses a file that is not a manifest, or is missing, naming the file", () => {
    const wrongFormat = manifestFile({ ...manifest([]), format: "relay" });
    expect(() => loadPersistedDocuments(wrongFormat)).toThrow(
      `persisted documents ${wrongFormat}: format:`,
    );
    const missing = join(tmpdir(), "waybill-no-such-manifest.json");
    expect(() => loadPersistedDocuments(missing)).toThrow(`persisted documents ${missing}:`);
  });
});

describe("applying persisted documents", () => {
  const optional = { required: false };
  const required = { required: true };

  it("fills in the query of a body naming a document by documentId", () => {
    const body = { documentId: SHIPMENT_ID, variables: { id: "s1" }, operationName: "Shipment" };
    expect(applyPersistedDocument(body, trusted(), optional)).toEqual({
      query: SHIPMENT,
      variables: { id: "s1" },
      operationName: "Shipment",
    });
    expect(body).toHaveProperty("documentId"); // the caller's body is left as it was
    expect(
      applyPersistedDocument({ documentId: `sha256:${SHIPMENT_ID}` }, trusted(), required),
    ).toEqual({ query: SHIPMENT });
  });

  it("fills in the query of a body naming a document by Apollo's persistedQuery extension", () => {
    const persistedQuery = { version: 1, sha256Hash: SHIPMENT_ID };
    expect(applyPersistedDocument({ extensions: { persistedQuery } }, trusted(), required)).toEqual(
      { query: SHIPMENT },
    );
    const traced = { extensions: { persistedQuery, trace: "on" } };
    expect(applyPersistedDocument(traced, trusted(), optional)).toEqual({
      query: SHIPMENT,
      extensions: { trace: "on" },
    });
  });

  it("refuses a document the manifest does not have", () => {
    expect(
      refusal(() => applyPersistedDocument({ documentId: UNKNOWN_ID }, trusted(), optional)),
    ).toEqual({ status: 400, code: "PERSISTED_QUERY_NOT_FOUND" });
    const apq = {
      query: "{ orders { edges { node { id } } } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN_ID } },
    };
    expect(refusal(() => applyPersistedDocument(apq, trusted(), optional))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_NOT_FOUND",
    });
  });

  it("refuses a body naming a document when there is no manifest", () => {
    expect(
      refusal(() => applyPersistedDocument({ documentId: SHIPMENT_ID }, undefined, optional)),
    ).toEqual({ status: 400, code: "PERSISTED_QUERY_NOT_SUPPORTED" });
  });

  it("refuses a malformed reference", () => {
    for (const body of [
      { documentId: 42 },
      { extensions: { persistedQuery: { version: 2, sha256Hash: SHIPMENT_ID } } },
    ]) {
      expect(refusal(() => applyPersistedDocument(body, trusted(), optional))).toEqual({
        status: 400,
        code: "BAD_REQUEST",
      });
    }
  });

  it("passes a free query through unless the client is held to persisted documents", () => {
    const body = { query: "{ orders { edges { node { id } } } }" };
    expect(applyPersistedDocument(body, trusted(), optional)).toBe(body);
    expect(applyPersistedDocument(body, undefined, optional)).toBe(body);
    expect(refusal(() => applyPersistedDocument(body, trusted(), required))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_REQUIRED",
    });
    expect(refusal(() => applyPersistedDocument(body, undefined, required))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_REQUIRED",
    });
    expect(refusal(() => applyPersistedDocument({}, trusted(), required))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_REQUIRED",
    });
  });

  it("lets a held client send the text of a trusted document", () => {
    const body = { query: SHIPMENT, variables: { id: "s1" } };
    expect(applyPersistedDocument(body, trusted(), required)).toBe(body);
  });

  it("checks every entry of a batch", () => {
    const batch = [{ documentId: SHIPMENT_ID }, { query: "{ orders { edges { node { id } } } }" }];
    expect(applyPersistedDocument(batch, trusted(), optional)).toEqual([
      { query: SHIPMENT },
      { query: "{ orders { edges { node { id } } } }" },
    ]);
    expect(refusal(() => applyPersistedDocument(batch, trusted(), required))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_REQUIRED",
    });
  });

  it("refuses a held client's request without a body (a GET), and passes others on", () => {
    expect(refusal(() => applyPersistedDocument(undefined, trusted(), required))).toEqual({
      status: 400,
      code: "PERSISTED_QUERY_REQUIRED",
    });
    expect(applyPersistedDocument(undefined, trusted(), optional)).toBeUndefined();
  });
});
