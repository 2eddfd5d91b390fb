// A customer portal's trusted documents: a gateway that holds customers to a persisted document
// manifest serves them these and nothing else.
import { graphql } from "./generated/gql.ts";

export const PORTAL_ORDERS = graphql(`
  query PortalOrders {
    orders {
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const PORTAL_FEED = graphql(`
  subscription PortalFeed {
    shipmentMilestones {
      cursor
      type
    }
  }
`);
