// GOV.UK's pattern for a table too wide for a phone: the table scrolls inside its own labelled region, so
// the page itself never scrolls sideways. The region is focusable so that a keyboard user can scroll it with
// the arrow keys (axe: scrollable-region-focusable), and named so a screen reader says what it holds.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
