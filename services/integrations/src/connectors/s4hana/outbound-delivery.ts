import type { DespatchDocument } from "../documents.ts";
import { ConnectorError, unmapped } from "../outcome.ts";
import { type Answer, literal, type ODataService } from "./client.ts";
import { PreconditionFailed } from "./odata-error.ts";
import type { S4hanaMapping } from "./mapping.ts";

/** API_OUTBOUND_DELIVERY_SRV, version 2, as SAP Business Accelerator Hub documents it. */
export const OUTBOUND_DELIVERY = "/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002";

/** The A_OutbDeliveryHeader fields the connector reads. */
export type DeliveryHeader = {
  DeliveryDocument: string;
  /** "Ext. Delivery" (LIFEX): our shipment's id, written when the shipment claims the delivery. */
  DeliveryDocumentBySupplier: string;
  /** A: not yet, B: partly, C: goods issue posted. */
  OverallGoodsMovementStatus: string;
  SalesOrganization: string;
};

/** The A_OutbDeliveryItem fields the connector reads and sets. */
export type DeliveryItem = {
  __metadata?: { etag?: string };
  DeliveryDocument: string;
  DeliveryDocumentItem: string;
  ReferenceSDDocument: string;
  Material: string;
  Plant: string;
  StorageLocation: string;
  DistributionChannel: string;
  Division: string;
  /** Edm.Decimal: a decimal string. */
  ActualDeliveryQuantity: string;
  DeliveryQuantityUnit: string;
};

type Collection<T> = { d: { results: T[] } };
type One<T> = { d: T & { __metadata?: { etag?: string } } };

const headerPath = (delivery: string) => `/A_OutbDeliveryHeader(${literal(delivery)})`;
const itemPath = (item: DeliveryItem) =>
  `/A_OutbDeliveryItem(DeliveryDocument=${literal(item.DeliveryDocument)},DeliveryDocumentItem=${literal(item.DeliveryDocumentItem)})`;
const etagOf = (answer: Answer<One<unknown>>) =>
  answer.etag ?? answer.body.d.__metadata?.etag ?? "*";

/** DeliveryDocumentBySupplier's length in S/4HANA. */
const SUPPLIER_REFERENCE_LENGTH = 35;

/**
 * The shipment's id as the delivery's DeliveryDocumentBySupplier (35 characters) carries it: a
 * shipment id (`shp_` and a UUID, 40) goes without its prefix and the UUID's hyphens, 32
 * characters that still name it alone.
 */
export function supplierReference(shipmentId: string): string {
  const reference =
    shipmentId.length <= SUPPLIER_REFERENCE_LENGTH
      ? shipmentId
      : shipmentId.replace(/^shp_/, "").replaceAll("-", "");
  if (reference.length > SUPPLIER_REFERENCE_LENGTH)
    throw new ConnectorError(
      "parked",
      `shipment id ${shipmentId} does not fit S/4HANA's ${SUPPLIER_REFERENCE_LENGTH} characters`,
    );
  return reference;
}

/** The delivery our shipment claimed, by the reference written on it. */
export async function deliveryOfShipment(
  service: ODataService,
  shipmentId: string,
): Promise<DeliveryHeader | undefined> {
  const { body } = await service.get<Collection<DeliveryHeader>>("/A_OutbDeliveryHeader", {
    $filter: `DeliveryDocumentBySupplier eq ${literal(supplierReference(shipmentId))}`,
    $top: "2",
  });
  return body.d.results[0];
}

async function readHeader(service: ODataService, delivery: string) {
  const answer = await service.get<One<DeliveryHeader>>(headerPath(delivery));
  return { header: answer.body.d, etag: etagOf(answer) };
}

/** Reads the header again after a 412 and sends once more with its current ETag. */
async function withFreshHeader(
  service: ODataService,
  delivery: string,
  act: (header: DeliveryHeader, etag: string) => Promise<void>,
): Promise<void> {
  const first = await readHeader(service, delivery);
  try {
    await act(first.header, first.etag);
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    const again = await readHeader(service, delivery);
    await act(again.header, again.etag);
  }
}

export async function deliveryItems(
  service: ODataService,
  delivery: string,
): Promise<DeliveryItem[]> {
  const { body } = await service.get<Collection<DeliveryItem>>(
    `${headerPath(delivery)}/to_DeliveryDocumentItem`,
  );
  return body.d.results;
}

/**
 * The sales order's oldest outbound delivery no shipment has claimed and no goods issue closed,
 * claimed for this one by writing its id into DeliveryDocumentBySupplier (If-Match on the header).
 */
async function claimDelivery(
  service: ODataService,
  despatch: DespatchDocument,
  salesOrder: string,
): Promise<string> {
  const { body } = await service.get<Collection<{ DeliveryDocument: string }>>(
    "/A_OutbDeliveryItem",
    {
      $filter: `ReferenceSDDocument eq ${literal(salesOrder)}`,
      $select: "DeliveryDocument",
    },
  );
  const deliveries = [...new Set(body.d.results.map((item) => item.DeliveryDocument))].sort();
  for (const delivery of deliveries) {
    const { header } = await readHeader(service, delivery);
    if (header.OverallGoodsMovementStatus === "C" || header.DeliveryDocumentBySupplier) continue;
    await withFreshHeader(service, delivery, async (current, etag) => {
      if (current.DeliveryDocumentBySupplier === supplierReference(despatch.id)) return;
      if (current.DeliveryDocumentBySupplier)
        throw new ConnectorError(
          "later",
          `delivery ${delivery} was claimed by ${current.DeliveryDocumentBySupplier} meanwhile`,
        );
      await service.send("PATCH", headerPath(delivery), {
        ifMatch: etag,
        body: { DeliveryDocumentBySupplier: supplierReference(despatch.id) },
      });
    });
    return delivery;
  }
  // S/4HANA creates deliveries (its delivery due list): this one may not have run yet.
  throw new ConnectorError(
    "later",
    `sales order ${salesOrder} has no open outbound delivery in S/4HANA for shipment ${despatch.id}`,
  );
}

/** The quantity each delivery item is to carry: what shipped of its material, 0 for the rest. */
function targetQuantities(
  despatch: DespatchDocument,
  mapping: S4hanaMapping,
  items: DeliveryItem[],
): Map<DeliveryItem, number> {
  const shipped = new Map<string, number>();
  for (const line of despatch.lines) {
    const material = mapping.materials[line.code] ?? "";
    shipped.set(material, (shipped.get(material) ?? 0) + line.quantity);
  }
  const place = mapping.warehouses[despatch.warehouse];
  const targets = new Map<DeliveryItem, number>();
  for (const material of shipped.keys()) {
    const matching = items.filter((item) => item.Material === material);
    if (matching.length !== 1)
      throw new ConnectorError(
        "parked",
        `delivery ${items[0]?.DeliveryDocument ?? ""} has ${matching.length} items of material ${material}, not one`,
      );
  }
  for (const item of items) {
    if (item.Plant !== place?.plant)
      throw new ConnectorError(
        "parked",
        `delivery ${item.DeliveryDocument} item ${item.DeliveryDocumentItem} ships from plant ${item.Plant}, warehouse ${despatch.warehouse} is plant ${place?.plant ?? ""}`,
      );
    if (
      item.DistributionChannel !== mapping.distributionChannel ||
      item.Division !== mapping.division
    )
      throw new ConnectorError(
        "parked",
        `delivery ${item.DeliveryDocument} item ${item.DeliveryDocumentItem} is in distribution channel ${item.DistributionChannel} and division ${item.Division}, not the mapping's`,
      );
    targets.set(item, shipped.get(item.Material) ?? 0);
  }
  return targets;
}

/** Sets an item's delivered quantity and storage location where they differ, re-reading it after a 412. */
async function setQuantity(
  service: ODataService,
  item: DeliveryItem,
  quantity: number,
  storageLocation: string,
): Promise<void> {
  const patch = async (current: DeliveryItem, etag: string) => {
    if (
      Number(current.ActualDeliveryQuantity) === quantity &&
      current.StorageLocation === storageLocation
    )
      return;
    await service.send("PATCH", itemPath(current), {
      ifMatch: etag,
      body: {
        ActualDeliveryQuantity: String(quantity),
        DeliveryQuantityUnit: current.DeliveryQuantityUnit,
        StorageLocation: storageLocation,
      },
    });
  };
  try {
    await patch(item, item.__metadata?.etag ?? "*");
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    const answer = await service.get<One<DeliveryItem>>(itemPath(item));
    await patch(answer.body.d, etagOf(answer));
  }
}

/**
 * Posts a confirmed shipment to the sales order's outbound delivery: the delivery is claimed by
 * the shipment's id, each item's delivered quantity set to what shipped (0 for what did not), and
 * goods issue posted. A delivery already goods-issued is not posted again.
 */
export async function postDespatch(
  service: ODataService,
  despatch: DespatchDocument,
  mapping: S4hanaMapping,
  salesOrder: string,
): Promise<string> {
  const missing = [
    ...despatch.lines
      .filter((line) => !mapping.materials[line.code])
      .map((line) => `material for SKU ${line.code}`),
    ...(mapping.warehouses[despatch.warehouse] ? [] : [`warehouse ${despatch.warehouse}`]),
  ];
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  const claimed = await deliveryOfShipment(service, despatch.id);
  if (claimed?.OverallGoodsMovementStatus === "C") return claimed.DeliveryDocument;
  const delivery =
    claimed?.DeliveryDocument ?? (await claimDelivery(service, despatch, salesOrder));
  const { header } = await readHeader(service, delivery);
  if (header.SalesOrganization !== mapping.salesOrganization)
    throw new ConnectorError(
      "parked",
      `delivery ${delivery} belongs to sales organisation ${header.SalesOrganization}, not ${mapping.salesOrganization}`,
    );
  const items = await deliveryItems(service, delivery);
  const storageLocation = mapping.warehouses[despatch.warehouse]?.storageLocation ?? "";
  for (const [item, quantity] of targetQuantities(despatch, mapping, items))
    await setQuantity(service, item, quantity, storageLocation);
  await withFreshHeader(service, delivery, async (current, etag) => {
    if (current.OverallGoodsMovementStatus === "C") return;
    await service.send("POST", `/PostGoodsIssue?DeliveryDocument=${literal(delivery)}`, {
      ifMatch: etag,
    });
  });
  return delivery;
}
