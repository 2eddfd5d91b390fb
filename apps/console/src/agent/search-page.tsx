import { useId, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { formatMoney } from "../format/money.ts";
import { formatTime } from "../format/time.ts";
import type { OrderHitFragment } from "../generated/graphql.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { StatusBadge } from "../ui/status.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";
import { SEARCH } from "./search-documents.ts";

/** Service agents find an order by its number, a tracking number or the customer's id. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const term = params.get("q") ?? "";
  const [draft, setDraft] = useState(term);
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  };
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Find an order</h1>
      <form role="search" className="search" onSubmit={submit}>
        <label htmlFor="search-term">Order number, tracking number or customer id</label>
        <div className="row">
          <input
            id="search-term"
            type="search"
            value={draft}
            aria-describedby={hintId}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit">Search</button>
        </div>
        <p id={hintId} className="hint">
          Tracking numbers match whatever the carrier, ignoring spaces and case.
        </p>
      </form>
      {term && <SearchResults term={term} />}
    </section>
  );
}

function SearchResults({ term }: { term: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: SEARCH,
    variables: { id: term, trackingNumber: term },
  });
  if (fetching && !data) return <Loading what="matches" />;
  if (error && !data) return <ErrorNotice error={error} />;
  const hits = new Map<string, { order: OrderHitFragment; why: string }>();
  if (data?.order) hits.set(data.order.id, { order: data.order, why: "order number" });
  for (const shipment of data?.shipmentsByTrackingNumber ?? [])
    hits.set(shipment.order.id, {
      order: shipment.order,
      why: `${shipment.carrier} ${shipment.trackingNumber}, shipped ${formatTime(shipment.shippedAt)}`,
    });
  for (const { node } of data?.customer?.orders.edges ?? [])
    hits.set(node.id, { order: node, why: `customer ${data?.customer?.name ?? ""}` });
  if (hits.size === 0) return <Empty>No order, shipment or customer matches “{term}”.</Empty>;
  return (
    <TableScroll label="Matching orders">
      <table>
        <caption>
          {hits.size} {hits.size === 1 ? "order" : "orders"} for “{term}”
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Placed</th>
            <th scope="col">Fulfilment</th>
            <th scope="col">Total</th>
            <th scope="col">Matched by</th>
          </tr>
        </thead>
        <tbody>
          {[...hits.values()].map(({ order, why }) => (
            <tr key={order.id}>
              <td>
                <Link to={`/orders/${encodeURIComponent(order.id)}`}>{order.id}</Link>
                {order.externalReference && (
                  <div className="muted">
                    {order.channel} {order.externalReference}
                  </div>
                )}
              </td>
              <td>{order.customer.name}</td>
              <td>{formatTime(order.placedAt)}</td>
              <td>
                <StatusBadge status={order.fulfilmentStatus} />
              </td>
              <td className="money">{formatMoney(order.total)}</td>
              <td>{why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
