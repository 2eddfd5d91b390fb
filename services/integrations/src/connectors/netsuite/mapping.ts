import { z } from "zod";

/** A NetSuite internal id: the digits the record's URL ends with. */
const internalId = z.string().regex(/^\d+$/, "must be a NetSuite internal id (digits)");
const ids = z.record(z.string().min(1), internalId);

/**
 * How Waybill's values become NetSuite's internal ids, per tenant: customers, items per SKU, tax
 * codes per rate, the items shipping and carrier charges are billed as. Nothing has a default:
 * an unmapped value parks the document for master data.
 */
export const netsuiteMapping = z
  .object({
    /** The subsidiary standalone invoices are booked in. */
    subsidiary: internalId,
    /** Waybill customer id → customer (entity) internal id. */
    customers: ids,
    /** Currency code (EUR) → currency internal id. */
    currencies: ids,
    /** SKU → item internal id. */
    items: ids,
    /** Tax rate in percent as billing writes it ("20") → tax code internal id. */
    taxCodes: ids,
    /** The item and tax code the shipping charge is billed as. */
    shipping: z.object({ item: internalId, taxCode: internalId }).strict(),
    /** Carrier charge type (LIFTGATE, ...) → item internal id. */
    charges: ids,
    /**
     * The sales channel of orders that came from this NetSuite: their external reference is the
     * sales order's internal id, and their invoices are transformed from it. Others go standalone.
     */
    salesOrderChannel: z.string().min(1).optional(),
  })
  .strict();

export type NetsuiteMapping = z.infer<typeof netsuiteMapping>;
