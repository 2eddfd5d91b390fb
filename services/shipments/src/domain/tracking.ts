/** Carriers differ in case and spacing of the same tracking number; compare them normalised. */
export function trackingKey(carrier: string, trackingNumber: string): string {
  return `${carrier.trim().toLowerCase()}:${trackingNumber.replace(/\s+/g, "").toUpperCase()}`;
}

/**
 * The spellings of a tracking number someone searches by that a shipment may have been confirmed
 * with: as typed (trimmed), and without spaces in upper case, as carriers print it.
 */
export function trackingNumberSpellings(typed: string): string[] {
  const trimmed = typed.trim();
  const printed = trimmed.replace(/\s+/g, "").toUpperCase();
  return [...new Set([trimmed, printed, printed.toLowerCase()])];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Carriers recycle tracking numbers, so a milestone belongs to the latest shipment with its number
 * that shipped at most 60 days before it (labels may be scanned up to 7 days before confirmation).
 */
export function matchWindow(occurredAt: Date): { from: Date; to: Date } {
  return {
    from: new Date(occurredAt.getTime() - 60 * DAY),
    to: new Date(occurredAt.getTime() + 7 * DAY),
  };
}
