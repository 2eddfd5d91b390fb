import { randomUUID } from "node:crypto";
import { codedError } from "@waybill/runtime";
import { isDuplicateKeyError } from "@waybill/runtime/store";
import type { CreateCustomerInput } from "../generated/resolvers.ts";
import type { OrdersContext } from "../context.ts";
import type { CustomerRecord } from "../store/records.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a customer; the email is unique. */
export async function createCustomer(
  ctx: OrdersContext,
  input: CreateCustomerInput,
): Promise<CustomerRecord> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (!name) throw codedError("BAD_USER_INPUT", "name must not be empty", { field: "name" });
  if (!EMAIL.test(email))
    throw codedError("BAD_USER_INPUT", "email is not an email address", { field: "email" });
  const customer: CustomerRecord = {
    _id: `cus_${randomUUID()}`,
    name,
    email,
    billingPolicy: input.billingPolicy ?? "ON_SHIPMENT",
    createdAt: new Date(),
  };
  try {
    await ctx.repo.customers.insertOne(customer);
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw codedError("CONFLICT", `a customer with email ${email} exists`, { field: "email" });
    }
    throw error;
  }
  return customer;
}
