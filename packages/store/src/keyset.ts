/**
 * Keyset pagination over the store port: a page is the rows after a sort key, read in a total
 * order (ties broken by a unique last field), never skipped over. Rows added while a client pages
 * do not shift the pages it has not read yet.
 */
import DataLoader from "dataloader";
import type { Collection, Doc, Filter, ReadOptions, Sort } from "./port.ts";

/** The fields a list is sorted by, the last one unique (`_id`). */
export type KeyOrder = readonly { readonly field: string; readonly direction: 1 | -1 }[];

/** Which page to read: how many rows, and the sort key of the row to start after. */
export type PageQuery = { first: number; after: readonly unknown[] | null };

/** The sort of a key order. */
export function keysetSort(order: KeyOrder): Sort {
  return Object.fromEntries(order.map(({ field, direction }) => [field, direction]));
}

/**
 * `filter` narrowed to the rows that come after `after` in `order`:
 * `(a > x) or (a = x and b > y) or …`, with `<` for descending fields.
 */
export function keysetFilter(filter: Filter, order: KeyOrder, after: readonly unknown[] | null) {
  if (!after) return filter;
  const branches = order.map(({ field, direction }, index) => ({
    ...Object.fromEntries(order.slice(0, index).map((earlier, at) => [earlier.field, after[at]])),
    [field]: { [direction === 1 ? "$gt" : "$lt"]: after[index] },
  }));
  // The caller's equalities stay at the top level, where the embedded store's SQL and an index
  // can use them; only a filter with its own `$or` is wrapped.
  return "$or" in filter ? { $and: [filter, { $or: branches }] } : { ...filter, $or: branches };
}

/** One page of `collection`: up to `page.first + 1` rows, the extra one telling that more follow. */
export function findPage<T extends Doc>(
  collection: Collection<T>,
  filter: Filter,
  order: KeyOrder,
  page: PageQuery,
  options: ReadOptions = {},
): Promise<T[]> {
  return collection.find(keysetFilter(filter, order, page.after), {
    ...options,
    sort: keysetSort(order),
    limit: page.first + 1,
  });
}

/** A page of the rows of one parent. */
export type ParentPage = { parent: string; page: PageQuery };

/**
 * Batches pages of the rows sharing a field value (an order's shipments) into one query per tick
 * for every parent asking for the same page: a page of parents costs one round trip whatever
 * their number. A single parent reads only its page; several read all their rows after the
 * cursor and keep a page each (per-parent lists are short: an order's shipments, say).
 */
export function pagesOfMany<T extends Doc>(
  collection: Collection<T>,
  field: string,
  order: KeyOrder,
): DataLoader<ParentPage, T[], string> {
  const pageKey = ({ first, after }: PageQuery) => JSON.stringify([first, after]);
  return new DataLoader(
    async (keys) => {
      const groups = Map.groupBy(keys, (key) => pageKey(key.page));
      const rows = new Map<string, T[]>();
      for (const [group, members] of groups) {
        const parents = [...new Set(members.map((member) => member.parent))];
        const page = members[0]?.page ?? { first: 0, after: null };
        const filter = keysetFilter({ [field]: { $in: parents } }, order, page.after);
        const found = await collection.find(filter, {
          sort: keysetSort(order),
          ...(parents.length === 1 ? { limit: page.first + 1 } : {}),
        });
        const byParent = Map.groupBy(found, (doc) => String(doc[field]));
        for (const parent of parents)
          rows.set(`${parent}\n${group}`, (byParent.get(parent) ?? []).slice(0, page.first + 1));
      }
      return keys.map((key) => rows.get(`${key.parent}\n${pageKey(key.page)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.parent}\n${pageKey(key.page)}` },
  );
}
