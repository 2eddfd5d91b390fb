import { z } from "zod";

const codes = z.record(z.string().min(1), z.string().min(1));

/**
 * How Waybill's values become SAP Business One's, per tenant: business partners (CardCode) per
 * customer id, items (ItemCode) per SKU, tax codes per rate, the service items shipping and
 * carrier charges are billed as. Nothing here has a default: an unmapped value parks the document
 * for master data.
 */
export const sapB1Mapping = z
  .object({
    /** Waybill customer id → CardCode of the customer business partner. */
    customers: codes,
    /** SKU → ItemCode. */
    items: codes,
    /** Tax rate in percent as billing writes it ("20") → TaxCode (sales tax / VAT group). */
    taxCodes: codes,
    /** The service item (not an inventory item) and tax code shipping is billed as. */
    shipping: z.object({ itemCode: z.string().min(1), taxCode: z.string().min(1) }).strict(),
    /** Carrier charge type (LIFTGATE, ...) → ItemCode of a service item. */
    charges: codes,
    /** WarehouseCode of the lines billed without a sales order, if the company wants one set. */
    warehouseCode: z.string().min(1).optional(),
    /**
     * The sales channel of orders that came from this company: their external reference is the
     * sales order's DocEntry, and their invoices are based on it line by line. Others go
     * standalone.
     */
    salesOrderChannel: z.string().min(1).optional(),
  })
  .strict();

export type SapB1Mapping = z.infer<typeof sapB1Mapping>;
