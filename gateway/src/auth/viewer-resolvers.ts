import { type Principal } from "@waybill/auth";
import { codedError } from "@waybill/graphql";

type Context = { principal?: Principal };

/**
 * `viewer`: the principal the gateway authenticated, so that a client can tell which role it
 * signed in as (an API key carries no readable role) without deciding anything itself.
 */
export const viewerResolvers = {
  Query: {
    viewer(_: unknown, __: unknown, ctx: Context) {
      const principal = ctx.principal;
      if (!principal) throw codedError("UNAUTHENTICATED", "authentication required");
      return {
        subject: principal.subject,
        role: principal.role.toUpperCase(),
        scopes: principal.scopes,
        customerId: principal.customerId ?? null,
        accounts: principal.accounts ?? [],
      };
    },
  },
};
