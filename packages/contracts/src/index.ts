export type { CloudEvent } from "./cloudevent.ts";
export type { EventData, EventType } from "./events.ts";
export type { Money } from "./money.ts";
export {
  formatAmount,
  formatTaxRate,
  isCurrency,
  minorDigits,
  parseAmount,
  parseTaxRate,
  taxOn,
} from "./money.ts";
export { latestState } from "./revision.ts";
export {
  BILLING_POLICIES,
  type BillingPolicy,
  CARRIER_CHARGE_TYPES,
  type CarrierChargeType,
  CREDIT_REASONS,
  type CreditReason,
  RETURN_DISPOSITIONS,
  type ReturnDisposition,
  RETURN_STATUSES,
  type ReturnStatus,
  SHIPPING_REFUND_RULES,
  type ShippingRefundRule,
  HOLD_REASONS,
  type InvoiceStatus,
  type MilestoneType,
  type StockMovementKind,
} from "./vocabularies.ts";
export { isEventType, parseEvent, type EventOf } from "./parse.ts";
export {
  billingFacts,
  type BillingFacts,
  inventoryFacts,
  type InventoryFacts,
  ordersFacts,
  type OrdersFacts,
  returnsFacts,
  type ReturnsFacts,
  shipmentsFacts,
  type ShipmentsFacts,
} from "./reconciliation.ts";
