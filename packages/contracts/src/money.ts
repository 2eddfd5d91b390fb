import { z } from "zod";

/** Money inside Waybill: integer minor units and an ISO 4217 currency. Never a float. */
export const money = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof money>;

/** A tax rate in parts per million (20 % = 200000). */
export const taxRatePpm = z.number().int().min(0).max(1_000_000);

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** True for an ISO 4217 code this runtime knows. */
export function isCurrency(code: string): boolean {
  return currencies.has(code);
}

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point in a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  if (!isCurrency(currency)) throw new RangeError(`unknown currency ${currency}`);
  // Building a NumberFormat is costly and amounts are formatted on every read: once per currency.
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  digitsByCurrency.set(currency, digits);
  return digits;
}

const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d+))?$/;

/** "19.99" EUR -> 1999. Rejects floats in disguise: exponents, too many decimals, empty parts. */
export function parseAmount(text: string, currency: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal amount`);
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = minorDigits(currency);
  if (fraction.length > digits) {
    throw new RangeError(`"${text}" has more than ${digits} decimals for ${currency}`);
  }
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) throw new RangeError(`"${text}" is too large`);
  return sign ? -minor : minor;
}

/** 1999 EUR -> "19.99". */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount`);
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const RATE = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** "8.875" (percent) -> 88750 parts per million. */
export function parseTaxRate(text: string): number {
  const match = RATE.exec(text.trim());
  if (!match)
    throw new RangeError(`"${text}" is not a tax rate in percent with at most 4 decimals`);
  const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? "").padEnd(4, "0"));
  if (ppm > 1_000_000) throw new RangeError(`"${text}" is above 100 percent`);
  return ppm;
}

/** 88750 -> "8.875". */
export function formatTaxRate(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Tax on a net amount, rounded half away from zero to the minor unit, in integers only. */
export function taxOn(netMinor: number, ratePpm: number): number {
  const product = BigInt(netMinor) * BigInt(ratePpm);
  const quotient = product / 1_000_000n;
  const remainder = product % 1_000_000n;
  const roundAway = (remainder < 0n ? -remainder : remainder) * 2n >= 1_000_000n;
  return Number(quotient + (roundAway ? (product < 0n ? -1n : 1n) : 0n));
}
