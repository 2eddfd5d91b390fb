let lastSequence = 0;

/**
 * The order deliveries (webhooks, connector documents) are made in: increasing within the process,
 * and with the clock across processes.
 */
export function nextSequence(): number {
  lastSequence = Math.max(lastSequence + 1, Date.now() * 1000);
  return lastSequence;
}
