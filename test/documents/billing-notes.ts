// Billing's credit and adjustment notes: an invoice's, as finance reads them.
import { graphql } from "./generated/gql.ts";

/** An invoice's credit and adjustment notes, oldest first. */
export const INVOICE_NOTES = graphql(`
  query InvoiceNotes($id: ID!) {
    invoice(id: $id) {
      creditedTotal {
        amount
      }
      creditNotes {
        id
        number
        reason
        returnId
      }
      adjustmentNotes {
        id
        number
        chargeId
      }
    }
  }
`);
