import { requireScope } from "@waybill/auth";
import { codedError, pageOf, paged } from "@waybill/graphql";
import type {
  MutationResolvers,
  QueryResolvers,
  ResolversTypes,
  ResolversUnionTypes,
  ServiceCaseResolvers,
} from "../../generated/resolvers.ts";
import { ENTRIES_BY_TIME, entriesPage } from "../domain/timeline.ts";
import { CASES_NEWEST_FIRST } from "../store/pages.ts";
import {
  assignServiceCase,
  commentOnServiceCase,
  resolveServiceCase,
  type ServiceCaseOutcome,
} from "../usecases/service-cases.ts";

function result(
  outcome: ServiceCaseOutcome,
): ResolversUnionTypes<ResolversTypes>["ServiceCaseResult"] {
  switch (outcome.kind) {
    case "ok":
      return { __typename: "ServiceCase", ...outcome.serviceCase };
    case "not_found":
      return {
        __typename: "ServiceCaseNotFoundError",
        code: "SERVICE_CASE_NOT_FOUND",
        message: `no service case with id ${outcome.caseId}`,
        caseId: outcome.caseId,
      };
    case "resolved":
      return {
        __typename: "ServiceCaseResolvedError",
        code: "SERVICE_CASE_RESOLVED",
        message: `service case ${outcome.caseId} is already resolved`,
        caseId: outcome.caseId,
      };
    case "invalid":
      return { __typename: "InvalidServiceCaseError", code: "INVALID_SERVICE_CASE", ...outcome };
  }
}

export const ServiceCaseQuery: QueryResolvers = {
  serviceCase(_, { id }, ctx) {
    requireScope(ctx.principal, "cases:read");
    return ctx.customerService.findCase(id);
  },
  serviceCases(_, { status, ...args }, ctx) {
    requireScope(ctx.principal, "cases:read");
    return paged(args, CASES_NEWEST_FIRST, (page) => ctx.customerService.casesPage(status, page));
  },
};

export const ServiceCaseMutation: MutationResolvers = {
  async assignServiceCase(_, { caseId, assignee }, ctx) {
    requireScope(ctx.principal, "cases:write");
    return result(await assignServiceCase(ctx, caseId, assignee));
  },
  async commentOnServiceCase(_, { caseId, author, body }, ctx) {
    requireScope(ctx.principal, "cases:write");
    return result(await commentOnServiceCase(ctx, caseId, author, body));
  },
  async resolveServiceCase(_, { caseId, resolution }, ctx) {
    requireScope(ctx.principal, "cases:write");
    return result(await resolveServiceCase(ctx, caseId, resolution));
  },
};

export const ServiceCase: ServiceCaseResolvers = {
  id: (serviceCase) => serviceCase._id,
  async order(serviceCase, _, ctx) {
    const order = await ctx.loaders.order.load(serviceCase.orderId);
    if (!order)
      throw codedError(
        "NOT_FOUND",
        `order ${serviceCase.orderId} of case ${serviceCase._id} is missing`,
      );
    return order;
  },
  shipment: (serviceCase) => (serviceCase.shipmentId ? { id: serviceCase.shipmentId } : null),
  returnId: (serviceCase) => serviceCase.returnId ?? null,
  notes: (serviceCase, args) => entriesPage(serviceCase.notes, pageOf(args, ENTRIES_BY_TIME)),
};
