import { z } from "zod";

const code = (length: number) => z.string().min(1).max(length);

/**
 * How Waybill's values become S/4HANA's, per tenant. Nothing has a default: an unmapped SKU or
 * warehouse parks the document for master data.
 */
export const s4hanaMapping = z
  .object({
    /** The sales area the connector's deliveries and billing documents belong to. */
    salesOrganization: code(4),
    distributionChannel: code(2),
    division: code(2),
    /** The billing document type an invoice is created as (F2, the standard invoice, or the tenant's). */
    billingDocumentType: code(4),
    /**
     * The sales channel of orders that came from S/4HANA: their external reference is the sales
     * order, whose outbound delivery is goods-issued and billed. Other orders are not S/4's.
     */
    salesOrderChannel: z.string().min(1),
    /** SKU → S/4HANA material (product) number. */
    materials: z.record(z.string().min(1), code(40)),
    /** Waybill warehouse → the plant and storage location its goods are issued from. */
    warehouses: z.record(
      z.string().min(1),
      z.object({ plant: code(4), storageLocation: code(4) }).strict(),
    ),
  })
  .strict();

export type S4hanaMapping = z.infer<typeof s4hanaMapping>;
