import type { CustomerRecord, OrderRecord } from "../store/records.ts";

/** The customer account an order belongs to, for authorisation. */
export const ownerOfOrder = (order: OrderRecord) => order.customerId;

/** A customer record is its own account. */
export const ownerOfCustomer = (customer: CustomerRecord) => customer._id;
