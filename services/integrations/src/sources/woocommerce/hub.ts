import type { Hub } from "../../hub/client.ts";
import { WOOCOMMERCE_CHANNEL, type MappedWoocommerceOrder } from "./mapping.ts";

const PLACE_CHANNEL_ORDER = /* GraphQL */ `
  mutation PlaceWoocommerceOrder($input: PlaceChannelOrderInput!) {
    placeChannelOrder(input: $input) {
      __typename
      ... on Order {
        id
      }
      ... on DuplicateOrderError {
        existingOrder {
          id
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

const CANCEL_ORDER = /* GraphQL */ `
  mutation CancelWoocommerceOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Placed =
  | { __typename: "Order"; id: string }
  | { __typename: "DuplicateOrderError"; existingOrder: { id: string } }
  | { __typename: string; code: string; message: string };

/** The order placed, whether now or before; a refusal's message when orders would not take it. */
export async function placeOrder(
  hub: Hub,
  order: MappedWoocommerceOrder,
): Promise<{ orderId: string; created: boolean } | { refused: string }> {
  const input = {
    customer: { email: order.email, name: order.customerName },
    channel: WOOCOMMERCE_CHANNEL,
    externalReference: order.reference,
    currency: order.currency,
    lines: order.lines,
  };
  const { placeChannelOrder: result } = await hub.execute<{ placeChannelOrder: Placed }>(
    PLACE_CHANNEL_ORDER,
    { input },
  );
  if ("id" in result) return { orderId: result.id, created: true };
  if ("existingOrder" in result) return { orderId: result.existingOrder.id, created: false };
  return { refused: result.message };
}

/** What cancelling answered: CANCELLED, or the refusal's code (ALREADY_CANCELLED, ...). */
export async function cancelOrder(
  hub: Hub,
  orderId: string,
  reason: string,
): Promise<{ code: string; message?: string }> {
  const { cancelOrder: result } = await hub.execute<{
    cancelOrder: { __typename: string; code?: string; message?: string };
  }>(CANCEL_ORDER, { input: { orderId, reason } });
  if (result.__typename === "Order") return { code: "CANCELLED" };
  return { code: result.code ?? result.__typename, message: result.message };
}
