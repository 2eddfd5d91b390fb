import { formatTime } from "../format/time.ts";
import type { ShipmentViewFragment } from "../generated/graphql.ts";
import { StatusBadge } from "../ui/status.tsx";
import type { LiveMilestone } from "./live-milestones.ts";

type Row = {
  key: string;
  type: string;
  occurredAt: string;
  late: boolean;
  location?: string | null;
  reasonCode?: string | null;
};

/** The recorded milestones and those heard live since, once each, in the order they happened. */
function timeline(shipment: ShipmentViewFragment, live: LiveMilestone[]): Row[] {
  const rows: Row[] = shipment.milestones.edges.map(({ node }) => ({ key: node.id, ...node }));
  const identity = (row: { type: string; occurredAt: string }) =>
    `${row.type}@${Date.parse(row.occurredAt)}`;
  const known = new Set(rows.map(identity));
  for (const event of live)
    if (!known.has(identity(event))) rows.push({ key: event.cursor, ...event });
  return rows.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/** One shipment with its milestone timeline and, once it came, its proof of delivery. */
export function ShipmentCard({
  shipment,
  live,
}: {
  shipment: ShipmentViewFragment;
  live: LiveMilestone[];
}) {
  const status = live.at(-1)?.status ?? shipment.status;
  const titleId = `shipment-${shipment.id}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {shipment.carrier} {shipment.trackingNumber} <StatusBadge status={status} />
      </h3>
      <p className="muted">
        {shipment.service}, shipped {formatTime(shipment.shippedAt)}
      </p>
      {shipment.proofOfDelivery && (
        <p>
          Proof of delivery: signed by {shipment.proofOfDelivery.signedBy ?? "nobody named"}
          {shipment.proofOfDelivery.photoReference &&
            `, photo ${shipment.proofOfDelivery.photoReference}`}
          , {formatTime(shipment.proofOfDelivery.occurredAt)}
        </p>
      )}
      <ol className="milestones" aria-label={`Milestones of ${shipment.trackingNumber}`}>
        {timeline(shipment, live).map((row) => (
          <li key={row.key}>
            <time dateTime={row.occurredAt}>{formatTime(row.occurredAt)}</time>{" "}
            <strong>{row.type.replaceAll("_", " ")}</strong>
            {row.location && ` at ${row.location}`}
            {row.reasonCode && ` (${row.reasonCode})`}
            {row.late && <span className="muted"> arrived late</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
