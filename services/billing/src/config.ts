import { readConfig } from "@waybill/config";
import { CARRIER_CHARGE_TYPES, type CarrierChargeType } from "@waybill/contracts";
import { z } from "zod";

/**
 * Carrier charges re-billed to the customer unless `CHARGE_REBILL` says otherwise: what the
 * customer's own delivery asked for (a liftgate, a second attempt, a wrong address, a home
 * address). FUEL and LABEL_CORRECTION are the carrier's pricing and our own mistakes, and OTHER is
 * unknown: costed only.
 */
const DEFAULT_REBILLED = "LIFTGATE,REDELIVERY,ADDRESS_CORRECTION,RESIDENTIAL";

const isChargeType = (name: string): name is CarrierChargeType =>
  (CARRIER_CHARGE_TYPES as readonly string[]).includes(name);

/** A comma-separated list of carrier charge types (empty: none), each one known. */
const chargeTypes = z
  .string()
  .default(DEFAULT_REBILLED)
  .transform((text, ctx): ReadonlySet<CarrierChargeType> => {
    const names = text
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !isChargeType(name));
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        message: `unknown carrier charge type(s) ${unknown.join(", ")}; known: ${CARRIER_CHARGE_TYPES.join(", ")}`,
      });
      return z.NEVER;
    }
    return new Set(names.filter(isChargeType));
  });

/** Billing's own settings, read once at start-up. */
export function billingConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(
    {
      /** How long after DELIVERED a proof-of-delivery customer's invoice waits for the proof. */
      POD_GRACE_SECONDS: z.coerce
        .number()
        .int()
        .positive()
        .default(48 * 3600),
      /** The carrier charge types re-billed to the customer; the others are only a cost. */
      CHARGE_REBILL: chargeTypes,
    },
    env,
  );
}

export type BillingConfig = ReturnType<typeof billingConfig>;
