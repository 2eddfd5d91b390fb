import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import type { OrdersRepository } from "../store/repository.ts";
import { knownOrder } from "../usecases/known-order.ts";

/** Keeps the catalog that `placeOrder` checks SKUs against. */
export async function onProductCreated(
  repo: OrdersRepository,
  { data }: EventOf<"inventory.product.created">,
  { session }: UnitOfWork,
): Promise<void> {
  await repo.rememberProduct(data.sku, data.name, session);
}

/** Shows on each line what inventory set aside and what it backordered (the latest word wins). */
export async function onStockReserved(
  repo: OrdersRepository,
  { data }: EventOf<"inventory.stock.reserved">,
  { session, logger }: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, session);
  const lines = order.lines.map((line) => {
    const reserved = data.lines.find((candidate) => candidate.lineId === line.id);
    return reserved
      ? { ...line, reservedQuantity: reserved.reserved, backorderedQuantity: reserved.backordered }
      : line;
  });
  const unknown = data.lines.filter(
    (line) => !order.lines.some((known) => known.id === line.lineId),
  );
  if (unknown.length > 0)
    logger.warn(
      { orderId: order._id, lines: unknown.map((line) => line.lineId) },
      "reservation names unknown lines",
    );
  await repo.saveLines(order._id, lines, session);
}
