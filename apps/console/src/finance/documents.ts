import { graphql } from "../generated/gql.ts";

/** Invoices waiting on a hold, newest first, with what holds them and since when. */
export const HELD_INVOICES = graphql(`
  query HeldInvoices {
    invoices(status: ON_HOLD, first: 100) {
      edges {
        node {
          id
          number
          status
          createdAt
          order {
            id
          }
          holds {
            reason
            detail
            heldAt
            releasedAt
          }
          total {
            amount
            currency
          }
        }
      }
    }
  }
`);

export const RELEASE_INVOICE = graphql(`
  mutation ReleaseInvoice($input: ReleaseInvoiceInput!) {
    releaseInvoice(input: $input) {
      __typename
      ... on Invoice {
        id
        number
        status
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
