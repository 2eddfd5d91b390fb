// Repositories speak the domain: queries, filters and update documents live in `store/` only.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openTestStore } from "@waybill/devtools";
import type { Store } from "@waybill/store";
import { findStoreCalls } from "./support/store-calls.ts";

const servicesRoot = new URL("../services/", import.meta.url);

/** Services allowed to query the store outside `store/`, each with the reason. */
const STORE_QUERIES_ALLOWED = new Map<string, string>();

const services = readdirSync(servicesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** `path:line what` for every store query in a service's sources outside `store/`. */
function storeQueriesOutsideStore(service: string): string[] {
  const src = new URL(`${service}/src/`, servicesRoot);
  const files = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.split("/").includes("store"))
    .sort();
  expect(files.length, `TypeScript sources of ${service}`).toBeGreaterThan(0);
  return files.flatMap((path) =>
    findStoreCalls(path, readFileSync(new URL(path, src), "utf8")).map(
      ({ line, what }) => `services/${service}/src/${path}:${line} ${what}`,
    ),
  );
}

const isCollection = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  "findOne" in value &&
  typeof value.findOne === "function" &&
  "insertOne" in value &&
  typeof value.insertOne === "function";

/** Every `store/repository.ts` of a service: one, or one per part (orders' rooms). */
function repositoryModules(service: string): URL[] {
  const src = new URL(`${service}/src/`, servicesRoot);
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith("store/repository.ts"))
    .sort()
    .map((path) => new URL(path, src));
}

/** The names under which the repositories of `service` hand out a collection. */
async function collectionsHandedOut(service: string, store: Store): Promise<string[]> {
  const modules = await Promise.all(
    repositoryModules(service).map(
      async (url) => (await import(url.href)) as Record<string, unknown>,
    ),
  );
  const factories = modules.flatMap((module) =>
    Object.entries(module).filter(
      ([name, value]) => name.endsWith("Repository") && typeof value === "function",
    ),
  );
  expect(factories.length, `repository factories of ${service}`).toBeGreaterThan(0);
  return factories.flatMap(([name, factory]) => {
    const repo = (factory as (store: Store) => Record<string, unknown>)(store);
    return Object.entries(repo).flatMap(([key, value]) =>
      isCollection(value) ? [`${name}().${key}`] : [],
    );
  });
}

describe("services query the store only in their store/ folder", () => {
  it("finds the services", () => {
    expect(services).toEqual(expect.arrayContaining(["billing", "inventory", "shipments"]));
  });

  for (const service of services) {
    const allowed = STORE_QUERIES_ALLOWED.get(service);
    if (allowed) {
      it(`${service} is allowed to (${allowed}) only while it still does`, () => {
        expect(
          storeQueriesOutsideStore(service),
          `${service} no longer queries the store outside store/: drop it from STORE_QUERIES_ALLOWED`,
        ).not.toEqual([]);
      });
      continue;
    }
    it(`${service}: no filter, update document or collection call outside store/`, () => {
      expect(storeQueriesOutsideStore(service)).toEqual([]);
    });
    it(`${service}: its repository hands out no collection`, async () => {
      const opened = await openTestStore(service);
      try {
        expect(await collectionsHandedOut(service, opened.store)).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});

describe("findStoreCalls", () => {
  const whats = (source: string) => findStoreCalls("sample.ts", source).map((call) => call.what);

  it("finds filter and update operators, quoted or not", () => {
    expect(
      whats(`const a = { status: { $in: ["A"] } };
             const b = { "$set": { x: 1 }, $inc: { n: 1 }, ["$push"]: { l: 2 } };
             const c = { createdAt: { $gte: from } };`),
    ).toEqual([
      '"$in" document',
      '"$set" document',
      '"$inc" document',
      '"$push" document',
      '"$gte" document',
    ]);
  });

  it("finds calls of the store port, through a repository or not", () => {
    expect(
      whats(`await ctx.repo.invoices.find(filter);
             await repo.shipped.findOne({ _id: id });
             await parked.deleteOne(filter, { session });
             store.collection("products");
             await products.find({}, { sort: { _id: 1 } });
             await exceptions.find(filter, { session });`),
    ).toEqual([
      "repo.invoices.find(",
      "repo.shipped.findOne(",
      ".deleteOne(",
      ".collection(",
      ".find( with a filter",
      ".find( with a filter",
    ]);
  });

  it("finds the store's collections imported", () => {
    expect(whats(`import { billingCollections } from "../store/collections.ts";`)).toEqual([
      "store collections imported",
    ]);
  });

  it("leaves arrays, repository methods, loaders, strings and types alone", () => {
    expect(
      whats(`const line = lines.find((l) => l.lineId === id);
             const open = claims.find(function (c) { return c.status === "OPEN"; });
             const other = lines.find(isOpen);
             await repo.invoicesSince(from);
             await ctx.repo.listProducts(10);
             await ctx.loaders.product.load(sku);
             const query = "query ($id: ID!) { order(id: $id) { id } }";
             const handlers = { "orders.order.placed": handle };
             type Update = { $set: Record<string, unknown> };`),
    ).toEqual([]);
  });
});
