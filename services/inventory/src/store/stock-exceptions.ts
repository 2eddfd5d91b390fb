import { findPage, type PageQuery, type Session } from "@waybill/store";
import type { InventoryCollections } from "./collections.ts";
import { STOCK_EXCEPTIONS_OLDEST_FIRST } from "./pages.ts";
import type { StockExceptionRecord, StockExceptionStatus } from "./records.ts";

/** How a person closed a stock exception. */
export type StockExceptionResolution = Pick<
  StockExceptionRecord,
  "status" | "resolvedAt" | "comment"
>;

/** Reads and writes of stock exceptions. */
export function stockExceptions({ exceptions }: InventoryCollections) {
  return {
    /** A page of stock exceptions, oldest first; of one status, or all when none is given. */
    stockExceptionsPage: (status: StockExceptionStatus | null | undefined, page: PageQuery) =>
      findPage(exceptions, status ? { status } : {}, STOCK_EXCEPTIONS_OLDEST_FIRST, page),
    findStockException: (id: string, session: Session) =>
      exceptions.findOne({ _id: id }, { session }),
    recordStockException: (exception: StockExceptionRecord, session: Session) =>
      exceptions.insertOne(exception, { session }),
    /** Several at once, in one write. */
    recordStockExceptions: (records: StockExceptionRecord[], session: Session) =>
      exceptions.insertMany(records, { session }),
    /** Closes the exception if it is still open; false when another writer closed it first. */
    async closeStockException(
      id: string,
      resolution: StockExceptionResolution,
      session: Session,
    ): Promise<boolean> {
      const { matchedCount } = await exceptions.updateOne(
        { _id: id, status: "OPEN" },
        { $set: resolution },
        { session },
      );
      return matchedCount > 0;
    },
  };
}
