import type { DespatchDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import type { MagentoRest } from "./client.ts";
import type { MagentoMapping } from "./mapping.ts";
import { itemOf, orderByIncrementId } from "./order.ts";
import { searchQuery, type SearchResult } from "./search-criteria.ts";

/** A shipment as `GET /V1/shipments` lists it, with its tracks. */
type ShipmentRead = { entity_id: number; order_id: number; tracks?: { track_number: string }[] };

/**
 * A confirmed shipment as one Magento shipment of the shipped quantities with the carrier's
 * track (`POST /V1/order/{id}/ship`), sourced from the warehouse's MSI source when mapped. The
 * order's shipments are read first: one carrying our tracking number is the one an earlier
 * attempt created (its answer lost), so nothing is shipped twice.
 */
export async function ship(
  rest: MagentoRest,
  document: DespatchDocument,
  mapping: MagentoMapping,
  incrementId: string,
): Promise<string> {
  const carrier = mapping.carriers[document.carrier];
  if (!carrier) throw unmapped([`carrier ${document.carrier}`]);
  const order = await orderByIncrementId(rest, incrementId);
  const shipments = await rest.get<SearchResult<ShipmentRead>>(
    `/shipments?${searchQuery({
      filters: [{ field: "order_id", value: String(order.entity_id), condition: "eq" }],
    })}`,
  );
  const existing = shipments.items.find((shipment) =>
    (shipment.tracks ?? []).some((track) => track.track_number === document.trackingNumber),
  );
  if (existing) return String(existing.entity_id);
  const source = mapping.sources[document.warehouse];
  const id = await rest.post<number | string>(`/order/${order.entity_id}/ship`, {
    items: document.lines.map((line) => ({
      order_item_id: itemOf(order, line),
      qty: line.quantity,
    })),
    notify: mapping.notifyCustomer,
    tracks: [
      {
        track_number: document.trackingNumber,
        title: carrier.title,
        carrier_code: carrier.carrierCode,
      },
    ],
    ...(source ? { arguments: { extension_attributes: { source_code: source } } } : {}),
  });
  return String(id);
}
