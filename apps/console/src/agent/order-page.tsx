import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery } from "urql";
import { formatMoney } from "../format/money.ts";
import { formatTime } from "../format/time.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { StatusBadge } from "../ui/status.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";
import { BillingSection } from "./billing-section.tsx";
import { useLiveMilestones } from "./live-milestones.ts";
import { ORDER_OVERVIEW } from "./order-documents.ts";
import { ServiceSection } from "./service-section.tsx";
import { ShipmentCard } from "./shipment-card.tsx";

/**
 * The order 360: what every service knows of one order, each part loading on its own, and its
 * shipments' milestones as the carriers report them.
 */
export function OrderPage() {
  const { orderId = "" } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ORDER_OVERVIEW,
    variables: { id: orderId },
  });
  const live = useLiveMilestones(orderId);
  const newest = live.events.at(-1)?.cursor;
  // A live milestone moves statuses (the shipment's, the order's): read them again.
  useEffect(() => {
    if (newest) refetch({ requestPolicy: "network-only" });
  }, [newest, refetch]);

  // A read that failed (the gateway restarting, say) leaves the order as last read on screen.
  const shown = useRef(data);
  if (data) shown.current = data;
  const current = data ?? shown.current;
  if (fetching && !current) return <Loading what="the order" />;
  if (error && !current) return <ErrorNotice error={error} />;
  const order = current?.order;
  if (!order)
    return (
      <Empty>
        No order {orderId} that you may see. <Link to="/orders">Search again</Link>
      </Empty>
    );
  return (
    <article aria-labelledby="order-title" className="order">
      <header className="order-head">
        <h1 id="order-title">Order {order.id}</h1>
        <dl className="facts">
          <dt>Customer</dt>
          <dd>
            {order.customer.name} ({order.customer.email})
          </dd>
          <dt>Placed</dt>
          <dd>{formatTime(order.placedAt)}</dd>
          <dt>Channel</dt>
          <dd>
            {order.channel}
            {order.externalReference ? ` ${order.externalReference}` : ""}
          </dd>
          <dt>Fulfilment</dt>
          <dd>
            <StatusBadge status={order.fulfilmentStatus} />
          </dd>
          <dt>Billing</dt>
          <dd>
            <StatusBadge status={order.billingStatus} />
          </dd>
          <dt>Total</dt>
          <dd className="money">{formatMoney(order.total)}</dd>
        </dl>
      </header>
      {error && <ErrorNotice error={error} />}

      <section aria-labelledby="lines-title">
        <h2 id="lines-title">Lines</h2>
        <TableScroll label="Order lines">
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Product</th>
                <th scope="col">Ordered</th>
                <th scope="col">Shipped</th>
                <th scope="col">Invoiced</th>
                <th scope="col">Returned</th>
                <th scope="col">Available</th>
                <th scope="col">Unit price</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.sku}</td>
                  <td>{line.product.name}</td>
                  <td>{line.quantity}</td>
                  <td>{line.shippedQuantity}</td>
                  <td>{line.invoicedQuantity}</td>
                  <td>{line.returnedQuantity}</td>
                  <td>{line.product.available}</td>
                  <td className="money">{formatMoney(line.unitPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="shipments-title">
        <h2 id="shipments-title">
          Shipments{" "}
          <span className="live" role="status">
            {live.connected ? "Live" : "Connecting…"}
          </span>
        </h2>
        {live.error && <ErrorNotice error={live.error} />}
        {order.shipments.edges.length === 0 && <Empty>Nothing has shipped yet.</Empty>}
        {order.shipments.edges.map(({ node }) => (
          <ShipmentCard
            key={node.id}
            shipment={node}
            live={live.events.filter((event) => event.shipmentId === node.id)}
          />
        ))}
      </section>

      <BillingSection orderId={order.id} />
      <ServiceSection orderId={order.id} />
    </article>
  );
}
