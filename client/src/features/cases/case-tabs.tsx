// WAI-ARIA tabs (APG "tabs with manual activation" made automatic): one tab in the tab order (roving
// tabindex), arrow keys move between tabs and select them, Home and End jump to the ends. The selected tab
// is kept in the address (?tab=chronology, replacing the entry), so a tab can be linked to and survives a
// refresh without filling the history with tab switches.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface TabDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export function CaseTabs({ tabs, label }: { tabs: TabDef[]; label: string }) {
  const [params, setParams] = useSearchParams();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const asked = params.get('tab');
  const current = tabs.find((t) => t.id === asked) ?? tabs[0];
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
    <>
      <div role="tablist" aria-label={label} className="case-tabs">
        {tabs.map((t, i) => (
          <button
            key={t.id} ref={(el) => { refs.current[t.id] = el; }} role="tab" type="button" id={`tab-${t.id}`}
            aria-selected={t.id === current.id} aria-controls={`panel-${t.id}`} tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => select(t.id)} onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} tabIndex={0} className="case-tabpanel">
        {current.render()}
      </div>
    </>
  );
}
