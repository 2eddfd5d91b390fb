import { graphql } from "../generated/gql.ts";

export const ASSIGN_CASE = graphql(`
  mutation AssignCase($caseId: ID!, $assignee: String!) {
    assignServiceCase(caseId: $caseId, assignee: $assignee) {
      ...CaseResult
    }
  }

  fragment CaseResult on ServiceCaseResult {
    __typename
    ... on ServiceCase {
      ...CaseView
    }
    ... on UserError {
      code
      message
    }
  }
`);

export const COMMENT_ON_CASE = graphql(`
  mutation CommentOnCase($caseId: ID!, $author: String!, $body: String!) {
    commentOnServiceCase(caseId: $caseId, author: $author, body: $body) {
      ...CaseResult
    }
  }
`);

export const RESOLVE_CASE = graphql(`
  mutation ResolveCase($caseId: ID!, $resolution: String!) {
    resolveServiceCase(caseId: $caseId, resolution: $resolution) {
      ...CaseResult
    }
  }
`);
