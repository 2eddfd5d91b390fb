import { randomUUID } from "node:crypto";
import { codedError } from "@waybill/graphql";
import { isDuplicateKeyError } from "@waybill/store";
import type { BillingPolicy, ShippingRefundRule } from "@waybill/contracts";
import type { OrdersContext } from "../../context.ts";
import type { CreateCustomerInput } from "../../generated/resolvers.ts";
import { customerProblem, normalizeEmail } from "../domain/customer.ts";
import type { CustomerRecord } from "../store/records.ts";

/** A new customer record; the caller has validated name and email. */
export function newCustomer(
  name: string,
  email: string,
  billingPolicy: BillingPolicy,
  shippingRefund: ShippingRefundRule = "NEVER",
): CustomerRecord {
  return {
    _id: `cus_${randomUUID()}`,
    name,
    email,
    billingPolicy,
    shippingRefund,
    createdAt: new Date(),
  };
}

/** Creates a customer; the email is unique. */
export async function createCustomer(
  ctx: OrdersContext,
  input: CreateCustomerInput,
): Promise<CustomerRecord> {
  const name = input.name.trim();
  const email = normalizeEmail(input.email);
  const problem = customerProblem(name, email);
  if (problem) throw codedError("BAD_USER_INPUT", problem.message, { field: problem.field });
  const customer = newCustomer(
    name,
    email,
    input.billingPolicy ?? "ON_SHIPMENT",
    input.shippingRefund ?? "NEVER",
  );
  try {
    await ctx.orders.insertCustomer(customer);
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw codedError("CONFLICT", `a customer with email ${email} exists`, { field: "email" });
    }
    throw error;
  }
  return customer;
}
