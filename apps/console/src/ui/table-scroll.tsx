import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling region takes focus, so
 * that it can be scrolled from the keyboard, and is named for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
