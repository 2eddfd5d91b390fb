import { useQuery } from "urql";
import { formatTime } from "../format/time.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { CaseCard } from "./case-card.tsx";
import { ORDER_SERVICE } from "./order-documents.ts";

/** What happened to the order, and the service cases about it. */
export function ServiceSection({ orderId }: { orderId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ORDER_SERVICE,
    variables: { id: orderId },
  });
  // Trusted documents are sent as built, without the __typename a cache would invalidate by.
  const reread = () => refetch({ requestPolicy: "network-only" });
  const order = data?.order;
  return (
    <>
      <section aria-labelledby="cases-title">
        <h2 id="cases-title">Service cases</h2>
        {fetching && !data && <Loading what="cases" />}
        {error && <ErrorNotice error={error} />}
        {order?.serviceCases.edges.length === 0 && <Empty>No service case.</Empty>}
        {order?.serviceCases.edges.map(({ node }) => (
          <CaseCard key={node.id} serviceCase={node} onChange={reread} />
        ))}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {order?.timeline.edges.length === 0 && <Empty>Nothing has happened yet.</Empty>}
        <ol className="timeline">
          {order?.timeline.edges.map(({ node }, index) => (
            <li key={`${node.at}-${index}`}>
              <time dateTime={node.at}>{formatTime(node.at)}</time> {node.message}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
