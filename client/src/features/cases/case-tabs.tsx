// WAI-ARIA tabs (APG "tabs with manual activation" made automatic): one tab in the tab order (roving
// tabindex), arrow keys move between tabs and select them, Home and End jump to the ends. The selected tab
// is kept in the address (?tab=chronology, replacing the entry), so a tab can be linked to and survives a
// refresh without filling the history with tab switches.
// Styled as govuk-frontend's tabs: tabs in a row on a tablet or desktop; on a phone govuk-frontend's own
// narrow-screen pattern, a "Contents" list (two columns here, so 14 sections take 7 short rows, not five
// rows of wrapped tabs), still a tablist; choosing a section there scrolls its panel into view.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface TabDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export function CaseTabs({ tabs, label }: { tabs: TabDef[]; label: string }) {
  const [params, setParams] = useSearchParams();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const panel = useRef<HTMLDivElement>(null);
  const jump = useRef(false);
  const asked = params.get('tab');
  const current = tabs.find((t) => t.id === asked) ?? tabs[0];
  useEffect(() => {
    if (!jump.current) return;
    jump.current = false;
    // Only where the list stacks above the panel (govuk-frontend's tablet breakpoint, 641 px).
    if (window.matchMedia?.('(max-width: 40.0525em)').matches) panel.current?.scrollIntoView?.({ block: 'start' });
  }, [current?.id]);
  const select = (id: string, focus = false) => {
    const next = new URLSearchParams(params);
    next.set('tab', id);
    setParams(next, { replace: true });
    if (focus) refs.current[id]?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length].id, true);
  };
  if (!current) return null;
  return (
    <div className="govuk-tabs case-tabs">
      <h2 className="govuk-tabs__title">Contents</h2>
      <ul role="tablist" aria-label={label} className="govuk-tabs__list">
        {tabs.map((t, i) => (
          <li key={t.id} role="presentation" className={t.id === current.id ? 'govuk-tabs__list-item govuk-tabs__list-item--selected' : 'govuk-tabs__list-item'}>
            <button
              ref={(el) => { refs.current[t.id] = el; }} role="tab" type="button" id={`tab-${t.id}`} className="govuk-tabs__tab"
              aria-selected={t.id === current.id} aria-controls={`panel-${t.id}`} tabIndex={t.id === current.id ? 0 : -1}
              onClick={() => { jump.current = true; select(t.id); }} onKeyDown={(e) => onKey(e, i)}
            >
              {t.label}
            </button>
          </li>
        ))}
      </ul>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} tabIndex={0} className="govuk-tabs__panel case-tabpanel" ref={panel}>
        {current.render()}
      </div>
    </div>
  );
}
