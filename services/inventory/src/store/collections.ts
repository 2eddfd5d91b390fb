import type { Store } from "@waybill/store";
import type {
  BookedDocumentRecord,
  MovementRecord,
  ProductRecord,
  ReservationRecord,
  StockExceptionRecord,
} from "./records.ts";

/**
 * The inventory database's collections. Only this folder queries them: the rest of the service
 * asks the repository.
 */
export function inventoryCollections(store: Store) {
  return {
    products: store.collection<ProductRecord>("products"),
    reservations: store.collection<ReservationRecord>("reservations"),
    movements: store.collection<MovementRecord>("movements"),
    exceptions: store.collection<StockExceptionRecord>("stock_exceptions"),
    booked: store.collection<BookedDocumentRecord>("booked_documents"),
  };
}

export type InventoryCollections = ReturnType<typeof inventoryCollections>;
