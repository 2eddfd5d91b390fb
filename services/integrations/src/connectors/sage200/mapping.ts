import { z } from "zod";

const names = z.record(z.string().min(1), z.string().min(1));
const ids = z.record(z.string().min(1), z.number().int().positive());

/** A nominal account as Sage 200 analyses a posting to it: code, and cost centre and department. */
const nominal = z
  .object({
    code: z.string().min(1).max(8),
    costCentre: z.string().max(3),
    department: z.string().max(3),
  })
  .strict();

/**
 * How Waybill's values become Sage 200's, per tenant. Nothing here has a default: an unmapped
 * value parks the document for master data.
 */
export const sage200Mapping = z
  .object({
    /** Waybill customer id → Sage 200 customer account reference (looked up for its id). */
    customers: names,
    /** SKU → Sage 200 stock item code. */
    stockCodes: names,
    /** Waybill warehouse → Sage 200 warehouse name the sales order lines are despatched from. */
    warehouses: names,
    /** Carrier (UPS, ...) → Sage 200 courier id, for the despatch's tracking details. */
    couriers: ids,
    /** Tax rate in percent as billing writes it ("20") → Sage 200 tax code id. */
    taxCodes: ids,
    /**
     * The tax shipping is charged with: billing gives no shipping tax rate, so the mapping names
     * the Sage 200 tax code id and its rate in percent ("20").
     */
    shippingTax: z
      .object({
        taxCode: z.number().int().positive(),
        rate: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a rate in percent, for example "20"'),
      })
      .strict(),
    /** The nominal accounts posted transactions are analysed to. */
    nominalCodes: z
      .object({
        goods: nominal,
        shipping: nominal,
        /** Carrier charge type (LIFTGATE, ...) → its nominal account. */
        charges: z.record(z.string().min(1), nominal),
      })
      .strict(),
    /**
     * The sales channel of orders that came from this Sage 200: their external reference is the
     * sales order's document number. Only their shipments are confirmed as despatches in Sage.
     */
    salesOrderChannel: z.string().min(1),
  })
  .strict();

export type Sage200Mapping = z.infer<typeof sage200Mapping>;
export type NominalAccount = z.infer<typeof nominal>;
