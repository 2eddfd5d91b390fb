// The exception queue, served by the gateway's own subgraph for every service at once.
import { graphql } from "./generated/gql.ts";

export const EXCEPTIONS = graphql(`
  query Exceptions($filter: ExceptionFilter) {
    exceptions(filter: $filter) {
      edges {
        node {
          id
          service
          category
          owner
          status
          eventId
          error
          resolution
        }
      }
    }
  }
`);
