import {
  connectionOf,
  pageOf,
  type Connection,
  type ListOrder,
  type Page,
  type PageArgs,
} from "./pages.ts";

/**
 * A list field's connection in one call: checks the page arguments, reads the page (up to
 * `page.first + 1` rows in `order`) and builds the edges.
 */
export async function paged<T extends object>(
  args: PageArgs,
  order: ListOrder,
  read: (page: Page) => Promise<readonly T[]>,
): Promise<Connection<T>> {
  const page = pageOf(args, order);
  return connectionOf(await read(page), page, order);
}
