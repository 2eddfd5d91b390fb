import { graphql } from "../generated/gql.ts";

/** Who signed in, as the gateway sees them: the console's pages follow from the role. */
export const VIEWER = graphql(`
  query Viewer {
    viewer {
      subject
      role
      scopes
      customerId
    }
  }
`);
