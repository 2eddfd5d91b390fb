/** A status word as a badge: the word itself carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`}>{status.replaceAll("_", " ")}</span>
  );
}
