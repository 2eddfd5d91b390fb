/** Carriers differ in case and spacing of the same tracking number; compare them normalised. */
export function trackingKey(carrier: string, trackingNumber: string): string {
  return `${carrier.trim().toLowerCase()}:${trackingNumber.replace(/\s+/g, "").toUpperCase()}`;
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
