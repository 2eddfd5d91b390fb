// The returns subgraph's documents.
import { graphql } from "./generated/gql.ts";

export const REQUEST_RETURN = graphql(`
  mutation RequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      __typename
      ... on Return {
        id
      }
    }
  }
`);
