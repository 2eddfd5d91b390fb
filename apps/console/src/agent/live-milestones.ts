import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useClient, type CombinedError } from "urql";
import type { LiveMilestonesSubscription } from "../generated/graphql.ts";
import { useSession } from "../session/session.tsx";
import { LIVE_MILESTONES } from "./order-documents.ts";

export type LiveMilestone = LiveMilestonesSubscription["shipmentMilestones"];

/** Waits between resubscriptions after a drop: 1 s, doubling, at most 15 s. */
const backoff = (attempt: number) => Math.min(1_000 * 2 ** attempt, 15_000);

/**
 * The milestones of an order recorded while the page is open. When the subscription ends (the
 * socket dropped, or the gateway ended a subscriber that fell behind) it subscribes again after its
 * last cursor, so nothing recorded in between is missed and nothing is shown twice.
 */
export function useLiveMilestones(orderId: string) {
  const client = useClient();
  const { socket } = useSession();
  const [events, setEvents] = useState<LiveMilestone[]>([]);
  const [error, setError] = useState<CombinedError | undefined>();
  const cursor = useRef<string | undefined>(undefined);
  const connected = useSyncExternalStore(
    (listener) => socket?.listen(listener) ?? (() => undefined),
    () => socket?.state() === "connected",
  );

  useEffect(() => {
    cursor.current = undefined;
    setEvents([]);
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      const variables = { orderId, after: cursor.current ?? null };
      subscription = client.subscription(LIVE_MILESTONES, variables).subscribe((result) => {
        const event = result.data?.shipmentMilestones;
        if (event && event.cursor !== cursor.current) {
          cursor.current = event.cursor;
          attempt = 0;
          setError(undefined);
          setEvents((seen) => [...seen, event]);
        }
        // One resubscription per ending, however many results the ending brings.
        if (result.error && timer === undefined) {
          setError(result.error);
          subscription?.unsubscribe();
          timer = setTimeout(() => {
            timer = undefined;
            subscribe();
          }, backoff(attempt++));
        }
      });
    };
    subscribe();
    return () => {
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [client, orderId]);

  return { events, error, connected };
}
