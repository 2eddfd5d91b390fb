import type {
  InvoiceSummaryResolvers,
  MilestoneSummaryResolvers,
  ShipmentSummaryResolvers,
} from "../generated/resolvers.ts";
import { holdReason, invoiceStatus } from "../domain/invoice-status.ts";

export const ShipmentSummary: ShipmentSummaryResolvers = {
  shipment: (shipment) => ({ id: shipment.id }),
  shipmentId: (shipment) => shipment.id,
  delivered: (shipment) => shipment.deliveredAt !== null,
  lastMilestones: (shipment) => shipment.milestones,
};

export const MilestoneSummary: MilestoneSummaryResolvers = {
  milestoneId: (milestone) => milestone.id,
};

export const InvoiceSummary: InvoiceSummaryResolvers = {
  invoiceId: (invoice) => invoice.id,
  status: (invoice) => invoiceStatus(invoice),
  holdReason: (invoice) => holdReason(invoice),
};
