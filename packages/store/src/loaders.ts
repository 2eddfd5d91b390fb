import DataLoader from "dataloader";
import type { Collection, Doc, Filter } from "./port.ts";

/** Batches lookups of single documents by a unique field into one `$in` query per tick. */
export function loaderByField<T extends Doc>(
  collection: Collection<T>,
  field: string,
  scope: Filter = {},
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = await collection.find({ ...scope, [field]: { $in: [...keys] } });
    const byKey = new Map(found.map((doc) => [String(doc[field]), doc]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Batches lookups of every document sharing a field value (for example an order's shipments). */
export function loaderOfMany<T extends Doc>(
  collection: Collection<T>,
  field: string,
  sortField?: string,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const found = await collection.find(
      { [field]: { $in: [...keys] } },
      sortField ? { sort: { [sortField]: 1 } } : {},
    );
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const doc of found) groups.get(String(doc[field]))?.push(doc);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
