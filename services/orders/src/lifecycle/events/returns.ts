import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { reconcile } from "../domain/reconcile.ts";
import { withReturnReceived } from "../domain/told.ts";
import type { OrdersRepository } from "../store/repository.ts";
import { saveOrder } from "../usecases/save-order.ts";
import { knownOrder } from "../usecases/known-order.ts";

/** Counts what the warehouse received back per line, as returns told it. */
export async function onReturnReceived(
  repo: OrdersRepository,
  { data }: EventOf<"returns.return.received">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const told = withReturnReceived(order, data);
  if (told === order) return;
  await saveOrder(repo, work, order, reconcile(told));
}
