import { z } from "zod";

const names = z.record(z.string().min(1), z.string().min(1));

/**
 * How Waybill's values become ERPNext's, per tenant: item codes per SKU, customers per customer
 * id, item tax templates per tax rate, the items shipping and carrier charges are billed as.
 * Nothing here has a default: an unmapped value parks the document for master data.
 */
export const erpnextMapping = z
  .object({
    company: z.string().min(1),
    /** Waybill customer id → ERPNext Customer name. */
    customers: names,
    /** SKU → ERPNext Item code. */
    items: names,
    /** Tax rate in percent as billing writes it ("20") → ERPNext Item Tax Template. */
    itemTaxTemplates: names,
    /** The item and tax template the shipping charge is billed as. */
    shipping: z.object({ itemCode: z.string().min(1), itemTaxTemplate: z.string().min(1) }),
    /** Carrier charge type (LIFTGATE, ...) → ERPNext Item code. */
    charges: names,
    /** Sales Taxes and Charges Template set on every invoice, if the company uses one. */
    taxesAndCharges: z.string().min(1).optional(),
    /**
     * The sales channel of orders that came from this ERPNext: their invoices are linked to the
     * Sales Order (the order's external reference) line by line. Others go standalone.
     */
    salesOrderChannel: z.string().min(1).optional(),
    /** Waybill warehouse → ERPNext Warehouse: where Delivery Notes take stock from. */
    warehouses: names.optional(),
  })
  .strict();

export type ErpnextMapping = z.infer<typeof erpnextMapping>;
