import type { FinanceDocument } from "../documents.ts";
import { ConnectorError, unmapped } from "../outcome.ts";
import { literal, type ODataService } from "./client.ts";
import type { S4hanaMapping } from "./mapping.ts";
import { deliveryItems, deliveryOfShipment } from "./outbound-delivery.ts";

/** API_BILLING_DOCUMENT_SRV (OData V2): reading billing documents and their items. */
export const BILLING_DOCUMENT_READ = "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV";
/** Billing Document (A2X, OData V4, CE_BILLINGDOCUMENT_0001): its CreateFromSDDocument action. */
export const BILLING_DOCUMENT =
  "/sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001";

type BillingItem = { BillingDocument: string; ReferenceSDDocument: string };
type BillingHeader = { BillingDocument: string; BillingDocumentIsCancelled: boolean };

/** The billing document S/4HANA already made from the delivery, unless it was cancelled. */
async function billedFrom(read: ODataService, delivery: string): Promise<string | undefined> {
  const { body } = await read.get<{ d: { results: BillingItem[] } }>("/A_BillingDocumentItem", {
    $filter: `ReferenceSDDocument eq ${literal(delivery)}`,
    $select: "BillingDocument,ReferenceSDDocument",
  });
  for (const billingDocument of new Set(body.d.results.map((item) => item.BillingDocument))) {
    const header = await read.get<{ d: BillingHeader }>(
      `/A_BillingDocument(${literal(billingDocument)})`,
      { $select: "BillingDocument,BillingDocumentIsCancelled" },
    );
    if (!header.body.d.BillingDocumentIsCancelled) return billingDocument;
  }
  return undefined;
}

/**
 * The quantities billed must be those goods-issued: S/4HANA bills the delivery, so an invoice
 * that says otherwise would not be what finance sees in S/4.
 */
async function checkQuantities(
  outbound: ODataService,
  invoice: FinanceDocument,
  mapping: S4hanaMapping,
  delivery: string,
): Promise<void> {
  const products = invoice.lines.filter((line) => line.kind === "product");
  const missing = products
    .filter((line) => !mapping.materials[line.code])
    .map((line) => `material for SKU ${line.code}`);
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  const billed = new Map<string, number>();
  for (const line of products) {
    const material = mapping.materials[line.code] ?? "";
    billed.set(material, (billed.get(material) ?? 0) + line.quantity);
  }
  const issued = new Map<string, number>();
  for (const item of await deliveryItems(outbound, delivery)) {
    const quantity = Number(item.ActualDeliveryQuantity);
    if (quantity > 0) issued.set(item.Material, (issued.get(item.Material) ?? 0) + quantity);
  }
  const materials = new Set([...billed.keys(), ...issued.keys()]);
  const differing = [...materials].filter((m) => (billed.get(m) ?? 0) !== (issued.get(m) ?? 0));
  if (differing.length > 0)
    throw new ConnectorError(
      "parked",
      `invoice ${invoice.number} bills ${differing.map((m) => `${billed.get(m) ?? 0} of ${m}`).join(", ")} but delivery ${delivery} issued ${differing.map((m) => `${issued.get(m) ?? 0}`).join(", ")}`,
    );
}

/**
 * An invoice of an S/4HANA sales order becomes the billing document S/4HANA creates from the
 * outbound delivery its shipment posted (CreateFromSDDocument with the delivery as reference,
 * category J). It is looked up first by the delivery (A_BillingDocumentItem's
 * ReferenceSDDocument): one delivery is billed once, whatever happened to an earlier answer.
 */
export async function billDelivery(
  services: { outbound: ODataService; read: ODataService; billing: ODataService },
  invoice: FinanceDocument,
  mapping: S4hanaMapping,
): Promise<string> {
  if (!invoice.shipmentId)
    throw new ConnectorError("parked", `invoice ${invoice.number} names no shipment`);
  const delivery = await deliveryOfShipment(services.outbound, invoice.shipmentId);
  if (delivery?.OverallGoodsMovementStatus !== "C")
    throw new ConnectorError(
      "later",
      `shipment ${invoice.shipmentId} has no goods-issued delivery in S/4HANA yet`,
    );
  const found = await billedFrom(services.read, delivery.DeliveryDocument);
  if (found) return found;
  await checkQuantities(services.outbound, invoice, mapping, delivery.DeliveryDocument);
  const date = invoice.issuedAt.slice(0, 10);
  const { body } = await services.billing.send<{ value: { BillingDocument: string }[] }>(
    "POST",
    "/BillingDocument/SAP__self.CreateFromSDDocument",
    {
      body: {
        _Control: {
          DefaultBillingDocumentDate: date,
          DefaultBillingDocumentType: mapping.billingDocumentType,
          AutomPostingToAcctgIsDisabled: false,
        },
        _Reference: [
          {
            SDDocument: delivery.DeliveryDocument,
            SDDocumentCategory: "J",
            BillingDocumentType: mapping.billingDocumentType,
            BillingDocumentDate: date,
            SalesOrganization: mapping.salesOrganization,
          },
        ],
      },
    },
  );
  const created = body.value[0]?.BillingDocument;
  if (!created)
    throw new ConnectorError(
      "parked",
      `S/4HANA created no billing document from delivery ${delivery.DeliveryDocument}`,
    );
  return created;
}
