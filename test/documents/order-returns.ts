// An order's lines and timeline as returns, credit notes and voided shipments leave them.
import { graphql } from "./generated/gql.ts";

export const ORDER_RETURNS_VIEW = graphql(`
  query OrderReturnsView($id: ID!) {
    order(id: $id) {
      id
      fulfilmentStatus
      billingStatus
      lines {
        id
        shippedQuantity
        invoicedQuantity
        returnedQuantity
        creditedQuantity
      }
      timeline(first: 200) {
        edges {
          node {
            kind
            message
            reference
          }
        }
      }
    }
  }
`);
