import { findPage, type PageQuery } from "@waybill/store";
import type { InvoiceStatus } from "../generated/resolvers.ts";
import type { BillingCollections } from "./collections.ts";
import { INVOICES_NEWEST_FIRST } from "./pages.ts";

/** Which invoices a list shows; an absent criterion does not narrow it. */
export type InvoiceCriteria = {
  orderId?: string | null;
  status?: InvoiceStatus | null;
  /** The customer accounts the caller may see; undefined for all. */
  accounts?: readonly string[] | undefined;
};

/** Lists of invoices: for people, for figures and for the proof-of-delivery sweep. */
export function invoiceLists({ invoices }: BillingCollections) {
  return {
    /** A page of invoices, newest first. */
    invoicesPage: ({ orderId, status, accounts }: InvoiceCriteria, page: PageQuery) =>
      findPage(
        invoices,
        {
          ...(orderId ? { orderId } : {}),
          ...(status ? { status } : {}),
          ...(accounts ? { customerId: { $in: [...accounts] } } : {}),
        },
        INVOICES_NEWEST_FIRST,
        page,
      ),
    /** Every invoice created at or after `from`. */
    invoicesSince: (from: Date) => invoices.find({ createdAt: { $gte: from } }),
    /**
     * Proof-of-delivery invoices neither issued nor void whose shipment was delivered at or before
     * `deliveredBy` without proof, and that are not held for the missing proof already.
     */
    awaitingProof: (deliveredBy: Date) =>
      invoices.find({
        policy: "ON_PROOF_OF_DELIVERY",
        number: null,
        status: { $ne: "VOID" },
        "delivery.deliveredAt": { $lte: deliveredBy },
        "delivery.proofAt": null,
        "holds.reason": { $ne: "POD_MISSING" },
      }),
  };
}
