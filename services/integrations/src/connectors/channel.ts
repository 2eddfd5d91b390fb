import { NotForThisSystem } from "./outcome.ts";

/**
 * The channel rule: an order's channel decides where its updates go. A storefront takes only the
 * orders of the channel its mapping names (those it placed), so an order placed through GraphQL,
 * or another shop's, goes nowhere unless that channel is mapped to it; the rest are skipped,
 * saying why.
 */
export function assertOwnOrder(
  order: { id: string; channel: string },
  channel: string,
  system: string,
  what: string,
): void {
  if (order.channel !== channel)
    throw new NotForThisSystem(
      `order ${order.id} came from ${order.channel}, not ${system} (${channel}): ${system} ${what} only its own orders`,
    );
}
