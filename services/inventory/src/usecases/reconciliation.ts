import type { InventoryFacts } from "@waybill/contracts";
import type { ReconciliationSource, ServiceRuntime } from "@waybill/service";
import { reservedOf } from "../domain/book.ts";
import { inventoryRepository } from "../store/repository.ts";

/**
 * What inventory tells the reconciliation: each order line's reservation, and the movements the
 * orders' shipments and returns (`references`) caused, summed per reference, kind and SKU.
 */
export function inventoryReconciliation(runtime: ServiceRuntime): ReconciliationSource {
  const repo = inventoryRepository(runtime.store);
  return {
    async facts({ orderIds, references }): Promise<InventoryFacts> {
      const [claims, movements] = await Promise.all([
        repo.reservationsOfOrders(orderIds),
        references.length > 0 ? repo.movementsOf(references) : Promise.resolve([]),
      ]);
      const sums = new Map<string, InventoryFacts["movements"][number]>();
      for (const movement of movements) {
        if (movement.reference === null) continue;
        const key = `${movement.reference}:${movement.kind}:${movement.sku}`;
        const sum = sums.get(key) ?? {
          reference: movement.reference,
          kind: movement.kind,
          sku: movement.sku,
          quantity: 0,
          records: 0,
        };
        sum.quantity += Math.abs(movement.quantity);
        sum.records += 1;
        sums.set(key, sum);
      }
      return {
        lines: claims.map((claim) => ({
          orderId: claim.orderId,
          lineId: claim.lineId,
          reserved: reservedOf(claim),
          backordered: claim.backordered,
        })),
        movements: [...sums.values()],
      };
    },
  };
}
