import { requireScope, type Principal } from "@waybill/auth";
import { formatAmount } from "@waybill/contracts";
import type { Discrepancy, OrderRow } from "./compare.ts";
import type { RaisedRecord } from "./raised.ts";
import type { Reconciler } from "./reconciler.ts";

type Context = { principal?: Principal };

const orderRef = (orderId: string) => ({ __typename: "Order", id: orderId });

/** The reconciliation report for finance and admin, and the sweep on demand for admin. */
export function reconciliationResolvers(reconciler: Reconciler) {
  return {
    Query: {
      async reconciliation(_: unknown, args: { from: Date; to: Date }, context: Context) {
        const principal = requireScope(context.principal, "reconciliation");
        return reconciler.report(args.from, args.to, principal);
      },
    },
    Mutation: {
      async runReconciliationSweep(_: unknown, __: unknown, context: Context) {
        // Healing publishes events again: operators' work as well as finance's.
        requireScope(requireScope(context.principal, "reconciliation"), "operations");
        return reconciler.sweep();
      },
    },
    ReconciledOrder: {
      order: (row: OrderRow) => orderRef(row.orderId),
      placedAt: (row: OrderRow) => new Date(row.placedAt),
      charged: (row: OrderRow) =>
        row.charged && {
          amount: formatAmount(row.charged.amount, row.charged.currency),
          currency: row.charged.currency,
        },
    },
    Discrepancy: {
      order: (d: Discrepancy) => (d.orderId ? orderRef(d.orderId) : null),
      healable: (d: Discrepancy) => d.heal !== null,
    },
    ReconciliationException: {
      id: (record: RaisedRecord) => record._id,
      order: (record: RaisedRecord) => orderRef(record.orderId),
    },
  };
}
