import type { Logger } from "@waybill/observability";
import type { Hub } from "../../hub/client.ts";
import type { MagentoOrderRecord, MagentoPullRepository } from "../../store/magento.ts";
import type { MappingFile } from "../mapping-file.ts";
import type { MagentoRest } from "./client.ts";
import type { MagentoMapping } from "./mapping.ts";
import { orderInput } from "./order-input.ts";
import type { MagentoOrder } from "./order.ts";
import { searchQuery, type SearchResult } from "./search-criteria.ts";

const PLACE = /* GraphQL */ `
  mutation PlaceMagentoOrder($input: PlaceChannelOrderInput!) {
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

const CANCEL = /* GraphQL */ `
  mutation CancelMagentoOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Placed = {
  __typename: string;
  id?: string;
  existingOrder?: { id: string };
  code?: string;
  message?: string;
};

/** Pages one pass reads at most; the next poll goes on from the watermark. */
const PAGES_PER_PASS = 20;

/** What the pull needs: the store's API, its own records, the hub and the mapping. */
export type MagentoPull = {
  name: string;
  rest: MagentoRest;
  repo: MagentoPullRepository;
  hub: Hub;
  mapping: MappingFile<MagentoMapping>;
  pageSize: number;
  /** Where the first pull starts (`updated_at`, UTC as Magento writes it). */
  since: string;
  logger: Logger;
  now?: () => Date;
};

/**
 * The search after the watermark `(updatedAt, entityId)`, in `updated_at` then `entity_id`
 * order: `updated_at >= A` AND (`updated_at > A` OR `entity_id > X`): filter groups are ANDed,
 * the filters of one group ORed. A page that ends among orders of one `updated_at` goes on after
 * the last one handled, none lost nor read twice; always page 1 of the moving search.
 */
export function ordersAfter(updatedAt: string, entityId: number, pageSize: number): string {
  return searchQuery({
    filters: [
      { field: "updated_at", value: updatedAt, condition: "gteq" },
      [
        { field: "updated_at", value: updatedAt, condition: "gt" },
        { field: "entity_id", value: String(entityId), condition: "gt" },
      ],
    ],
    sortOrders: [
      { field: "updated_at", direction: "ASC" },
      { field: "entity_id", direction: "ASC" },
    ],
    pageSize,
    currentPage: 1,
  });
}

async function record(
  pull: MagentoPull,
  order: MagentoOrder,
  fields: Pick<MagentoOrderRecord, "orderId" | "state" | "note">,
) {
  await pull.repo.recordOrder({
    _id: order.increment_id,
    entityId: order.entity_id,
    updatedAt: order.updated_at,
    handledAt: (pull.now ?? (() => new Date()))(),
    ...fields,
  });
}

/**
 * One order as Waybill takes it. A new order is placed through the hub (`placeChannelOrder`,
 * idempotent on the channel and increment id); a `canceled` one cancels the order placed
 * before, and one never placed is not created just to be cancelled. Later changes of a placed
 * order (invoiced, complete) change nothing here. Waybill refusing an order (an unknown SKU) is
 * recorded and logged, and the pull goes on: it is the merchant's to fix in Magento.
 */
async function handle(pull: MagentoPull, order: MagentoOrder): Promise<boolean> {
  const known = await pull.repo.order(order.increment_id);
  // Read again (the pass starts at its watermark's second): nothing to do twice.
  if (known && known.updatedAt >= order.updated_at) return false;
  await take(pull, order, known);
  return true;
}

async function take(
  pull: MagentoPull,
  order: MagentoOrder,
  known: MagentoOrderRecord | null,
): Promise<void> {
  if (known && (known.state === "cancelled" || known.state === "cancelled_unplaced"))
    return record(pull, order, { orderId: known.orderId, state: known.state, note: known.note });
  if (order.state === "canceled") {
    if (!known?.orderId)
      return record(pull, order, { orderId: null, state: "cancelled_unplaced", note: null });
    const { cancelOrder } = await pull.hub.execute<{ cancelOrder: Placed }>(CANCEL, {
      input: { orderId: known.orderId, reason: `cancelled in Magento (${order.increment_id})` },
    });
    const refused =
      cancelOrder.__typename === "Order" || cancelOrder.code === "ALREADY_CANCELLED"
        ? null
        : `${cancelOrder.code ?? cancelOrder.__typename}: ${cancelOrder.message ?? ""}`;
    if (refused)
      pull.logger.warn(
        { connector: pull.name, order: order.increment_id, refused },
        "Magento cancelled an order Waybill cannot cancel",
      );
    return record(pull, order, { orderId: known.orderId, state: "cancelled", note: refused });
  }
  if (known?.orderId)
    return record(pull, order, { orderId: known.orderId, state: known.state, note: known.note });
  const input = orderInput(order, pull.mapping.current().channel);
  if ("problem" in input) {
    pull.logger.warn(
      { connector: pull.name, order: order.increment_id, problem: input.problem },
      "Magento order not placed",
    );
    return record(pull, order, { orderId: null, state: "refused", note: input.problem });
  }
  const { placeChannelOrder: placed } = await pull.hub.execute<{ placeChannelOrder: Placed }>(
    PLACE,
    { input },
  );
  const orderId = placed.id ?? placed.existingOrder?.id ?? null;
  if (!orderId) {
    const note = `${placed.code ?? placed.__typename}: ${placed.message ?? ""}`;
    pull.logger.warn(
      { connector: pull.name, order: order.increment_id, refused: note },
      "Magento order not placed",
    );
    return record(pull, order, { orderId: null, state: "refused", note });
  }
  return record(pull, order, { orderId, state: "placed", note: null });
}

/**
 * One pass of the pull: pages of orders after the watermark, each handled and the watermark
 * moved past it before the next, so a restart resumes where it stopped. It starts at the
 * beginning of the watermark's second (orders changed again within that second come again, and
 * those handled are skipped by their record). A failure (Magento or the hub not answering)
 * stops the pass at the order it was on. Returns the orders read, and those of them handled
 * (not skipped as handled before).
 */
export async function pullOrders(pull: MagentoPull): Promise<{ read: number; handled: number }> {
  const mark = await pull.repo.watermark(pull.name, pull.since);
  let after = { updatedAt: mark.updatedAt, entityId: 0 };
  let read = 0;
  let handled = 0;
  for (let page = 0; page < PAGES_PER_PASS; page += 1) {
    const found = await pull.rest.get<SearchResult<MagentoOrder>>(
      `/orders?${ordersAfter(after.updatedAt, after.entityId, pull.pageSize)}`,
    );
    for (const order of found.items) {
      if (await handle(pull, order)) handled += 1;
      await pull.repo.advance(pull.name, order.updated_at, order.entity_id);
      after = { updatedAt: order.updated_at, entityId: order.entity_id };
      read += 1;
    }
    if (found.items.length < pull.pageSize || found.total_count <= found.items.length) break;
  }
  return { read, handled };
}
