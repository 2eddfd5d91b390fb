const NUMBER = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;
const PPM_DIGITS = 6;

/**
 * A Shopify tax rate (a JSON number fraction: 0.2 is 20 %) in parts per million, without float
 * arithmetic: the number's shortest string form is shifted by six decimal places as text.
 * Throws a RangeError for negative rates, rates above 1, or more precision than 0.0001 %.
 */
export function fractionToPpm(rate: number): number {
  const match = Number.isFinite(rate) ? NUMBER.exec(String(rate)) : null;
  if (!match) throw new RangeError(`tax rate ${rate} is not a non-negative fraction`);
  const [, whole = "0", fraction = "", exponent = "0"] = match;
  const digits = whole + fraction;
  const shift = Number(exponent) - fraction.length + PPM_DIGITS;
  let ppmText: string;
  if (shift >= 0) {
    ppmText = digits + "0".repeat(shift);
  } else {
    const dropped = digits.slice(shift);
    if (/[^0]/.test(dropped.padStart(-shift, "0")))
      throw new RangeError(`tax rate ${rate} has more precision than 0.0001 percent`);
    ppmText = digits.slice(0, shift) || "0";
  }
  const ppm = Number(ppmText);
  if (ppm > 10 ** PPM_DIGITS) throw new RangeError(`tax rate ${rate} is above 1 (100 percent)`);
  return ppm;
}
