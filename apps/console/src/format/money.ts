/** Money as the API gives it: a decimal string in the currency's units and an ISO 4217 code. */
export type Money = { amount: string; currency: string };

const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ""}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format;
}

/**
 * An amount in the viewer's locale with its currency's symbol and digits. The decimal string goes
 * to `Intl.NumberFormat` as it is (an exact decimal, never a float), so 0.1 + 0.2 stays 0.30.
 */
export function formatMoney(money: Money, locale?: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(money.amount)) return `${money.amount} ${money.currency}`;
  return formatOf(money.currency, locale).format(money.amount as Intl.StringNumericLiteral);
}
