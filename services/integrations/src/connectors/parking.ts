import { EXCEPTIONS, type ExceptionRecord } from "@waybill/bus";
import type { Store } from "@waybill/store";

/**
 * Closes the exception a parked delivery raised once the document is delivered (after a retry of
 * the delivery itself, or after the mapping was fixed), so master data's queue shows what is left.
 */
export async function closeException(store: Store, id: string, at: Date): Promise<void> {
  await store
    .collection<ExceptionRecord>(EXCEPTIONS)
    .updateOne(
      { _id: id, status: "open" },
      { $set: { status: "resolved", resolution: "delivered", resolvedAt: at } },
    );
}
