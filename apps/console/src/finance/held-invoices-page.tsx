import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { formatMoney } from "../format/money.ts";
import { formatAge } from "../format/time.ts";
import type { HeldInvoicesQuery } from "../generated/graphql.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { StatusBadge } from "../ui/status.tsx";
import { HELD_INVOICES, RELEASE_INVOICE } from "./documents.ts";

type HeldInvoice = HeldInvoicesQuery["invoices"]["edges"][number]["node"];

/** Finance releases held invoices with a comment; the oldest hold comes first within its reason. */
export function HeldInvoicesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: HELD_INVOICES });
  const [released, setReleased] = useState<string | undefined>();
  const invoices = data?.invoices.edges.map(({ node }) => node) ?? [];
  const byReason = new Map<string, HeldInvoice[]>();
  for (const invoice of invoices)
    for (const hold of invoice.holds.filter((active) => !active.releasedAt))
      byReason.set(hold.reason, [...(byReason.get(hold.reason) ?? []), invoice]);
  const onReleased = (label: string) => {
    setReleased(label);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <section aria-labelledby="held-title">
      <h1 id="held-title">Invoices on hold</h1>
      {released && (
        <p role="status" className="state">
          {released}
        </p>
      )}
      {fetching && !data && <Loading what="held invoices" />}
      {error && <ErrorNotice error={error} />}
      {data && invoices.length === 0 && <Empty>No invoice is on hold.</Empty>}
      {[...byReason.entries()].map(([reason, held]) => (
        <section key={reason} aria-labelledby={`reason-${reason}`}>
          <h2 id={`reason-${reason}`}>
            {reason.replaceAll("_", " ").toLowerCase()} ({held.length})
          </h2>
          {held.map((invoice) => (
            <HeldInvoiceCard
              key={invoice.id}
              invoice={invoice}
              reason={reason}
              onReleased={onReleased}
            />
          ))}
        </section>
      ))}
    </section>
  );
}

function HeldInvoiceCard({
  invoice,
  reason,
  onReleased,
}: {
  invoice: HeldInvoice;
  reason: string;
  onReleased: (label: string) => void;
}) {
  const [result, release] = useMutation(RELEASE_INVOICE);
  const [comment, setComment] = useState("");
  const commentId = useId();
  const hold = invoice.holds.find((active) => active.reason === reason && !active.releasedAt);
  const answer = result.data?.releaseInvoice;
  const refusal =
    answer && answer.__typename !== "Invoice" && "code" in answer
      ? { code: answer.code, message: answer.message }
      : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await release({ input: { invoiceId: invoice.id, comment } });
    const done = data?.releaseInvoice;
    if (done?.__typename === "Invoice")
      onReleased(`Invoice ${done.number ?? done.id} released: ${done.status}`);
  };
  const label = invoice.number ?? invoice.id;
  return (
    <div className="card">
      <h3>
        Invoice {label} <StatusBadge status={invoice.status} />{" "}
        <span className="money">{formatMoney(invoice.total)}</span>
      </h3>
      <p className="muted">
        Order <Link to={`/orders/${encodeURIComponent(invoice.order.id)}`}>{invoice.order.id}</Link>
        {hold && `, held ${formatAge(hold.heldAt)}: ${hold.detail}`}
      </p>
      {result.error && <ErrorNotice error={result.error} />}
      {refusal && <ErrorNotice error={refusal} />}
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={commentId}>Comment for releasing {label}</label>
        <input
          id={commentId}
          required
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <button type="submit" disabled={result.fetching}>
          Release
        </button>
      </form>
    </div>
  );
}
