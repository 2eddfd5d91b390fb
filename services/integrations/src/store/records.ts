/** A verified webhook as received and answered. */
export type WebhookReceiptRecord = {
  _id: string;
  source: string;
  topic: string;
  receivedAt: Date;
  status: number;
  outcome: string;
  detail: string | null;
  reference: string | null;
  payload: string;
};
