import { ConnectorError } from "../outcome.ts";

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string in cents, exactly: X12's N2 amounts (TDS, SAC, BCD, CDD) carry two implied
 * decimals. An amount with significant digits past the second is refused, never rounded.
 */
export function cents(amount: string): bigint {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new ConnectorError("parked", `amount "${amount}" is not a decimal`);
  const [, sign, whole = "0", fraction = ""] = match;
  if (/[1-9]/.test(fraction.slice(2)))
    throw new ConnectorError("parked", `amount "${amount}" has more than two decimals`);
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return sign ? -value : value;
}

/** Cents as a decimal string with two places ("1250" → "12.50"): EDIFACT's MOA and X12's R. */
export function decimal(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A unit price as the partner reads it: the decimal string, trailing zeros past two trimmed. */
export function unitPrice(amount: string): string {
  return decimal(cents(amount));
}
