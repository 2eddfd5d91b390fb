/**
 * The store contract: one suite over every adapter (the embedded SQLite store always; MongoDB when
 * `MONGODB_URL` is set). Each test opens its own store on a fresh database.
 */
import { describe } from "vitest";
import { bulkWriteContract } from "./store/bulk-writes.ts";
import { durabilityContract } from "./store/durability.ts";
import { ADAPTERS, isAvailable } from "./store/harness.ts";
import { indexContract } from "./store/indexes.ts";
import { pageContract } from "./store/pages.ts";
import { queryContract } from "./store/queries.ts";
import { transactionContract } from "./store/transactions.ts";
import { updateContract } from "./store/updates.ts";
import { upsertDeleteContract } from "./store/upserts.ts";
import { valueContract } from "./store/values.ts";

describe.each(ADAPTERS)("store contract: $name", (adapter) => {
  describe.skipIf(!isAvailable(adapter))(`${adapter.name} adapter`, () => {
    describe("queries", () => queryContract(adapter));
    describe("keyset pages", () => pageContract(adapter));
    describe("values", () => valueContract(adapter));
    describe("updates", () => updateContract(adapter));
    describe("upserts and deletes", () => upsertDeleteContract(adapter));
    describe("bulk writes", () => bulkWriteContract(adapter));
    describe("indexes", () => indexContract(adapter));
    describe("transactions", () => transactionContract(adapter));
    describe("durability", () => durabilityContract(adapter));
  });
});
