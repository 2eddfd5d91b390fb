import type { ReturnsFacts } from "@waybill/contracts";
import type { ReconciliationSource, ServiceRuntime } from "@waybill/service";
import { receivedEvent } from "../domain/told.ts";
import { returnsRepository } from "../store/repository.ts";

/**
 * What returns tells the reconciliation (every return of the orders, with what was received and
 * its receipt's event id), and how it publishes a lost receipt again.
 */
export function returnsReconciliation(runtime: ServiceRuntime): ReconciliationSource {
  const repo = returnsRepository(runtime.store);
  return {
    async facts({ orderIds }): Promise<ReturnsFacts> {
      const returns = await repo.returnsOfOrders(orderIds);
      return {
        returns: returns.map((record) => ({
          returnId: record._id,
          orderId: record.orderId,
          status: record.status,
          receivedAt: record.receivedAt?.toISOString() ?? null,
          receivedEventId: record.receivedEventId ?? null,
          lines: record.lines.map((line) => ({
            lineId: line.lineId,
            sku: line.sku,
            requested: line.quantity,
            received: line.received ?? null,
            disposition: line.disposition ?? null,
          })),
        })),
      };
    },
    async reemit({ kind, id }) {
      if (kind !== "return_received") return false;
      return runtime.transact(async ({ session, emit }) => {
        const record = await repo.findReturn(id, session);
        if (!record?.receivedEventId || !record.receivedAt) return false;
        await emit("returns.return.received", record._id, receivedEvent(record), {
          id: record.receivedEventId,
        });
        return true;
      });
    },
  };
}
