import { useQuery } from "urql";
import { formatMoney } from "../format/money.ts";
import { formatTime } from "../format/time.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { StatusBadge } from "../ui/status.tsx";
import { ORDER_BILLING } from "./order-documents.ts";

/** The order's invoices with their holds, its credit notes and its returns. */
export function BillingSection({ orderId }: { orderId: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: ORDER_BILLING,
    variables: { id: orderId },
  });
  const order = data?.order;
  return (
    <section aria-labelledby="billing-title">
      <h2 id="billing-title">Invoices, credit notes and returns</h2>
      {fetching && !data && <Loading what="invoices" />}
      {error && <ErrorNotice error={error} />}
      {order && (
        <>
          <h3>Invoices</h3>
          {order.invoices.edges.length === 0 ? (
            <Empty>No invoice yet.</Empty>
          ) : (
            <ul className="plain">
              {order.invoices.edges.map(({ node }) => (
                <li key={node.id}>
                  {node.number ?? "Unnumbered"} <StatusBadge status={node.status} />{" "}
                  <span className="money">{formatMoney(node.total)}</span>
                  {node.issuedAt && (
                    <span className="muted"> issued {formatTime(node.issuedAt)}</span>
                  )}
                  {node.holds
                    .filter((hold) => !hold.releasedAt)
                    .map((hold) => (
                      <div key={hold.reason} className="muted">
                        Held: {hold.reason.replaceAll("_", " ").toLowerCase()}, {hold.detail}
                      </div>
                    ))}
                </li>
              ))}
            </ul>
          )}
          <h3>Credit notes</h3>
          {order.creditNotes.edges.length === 0 ? (
            <Empty>No credit note.</Empty>
          ) : (
            <ul className="plain">
              {order.creditNotes.edges.map(({ node }) => (
                <li key={node.id}>
                  {node.number} ({node.reason.replaceAll("_", " ").toLowerCase()}){" "}
                  <span className="money">{formatMoney(node.total)}</span>{" "}
                  <span className="muted">{formatTime(node.issuedAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Returns</h3>
          {order.returns.edges.length === 0 ? (
            <Empty>No return.</Empty>
          ) : (
            <ul className="plain">
              {order.returns.edges.map(({ node }) => (
                <li key={node.id}>
                  <StatusBadge status={node.status} /> {node.reason},{" "}
                  {node.lines.map((line) => `${line.quantity} × ${line.sku}`).join(", ")}{" "}
                  <span className="muted">requested {formatTime(node.requestedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
