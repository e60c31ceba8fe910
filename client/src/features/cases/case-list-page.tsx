// The cases list: one search box (name, alias, date of birth, NHS number, reference), filters that fold away
// on a phone, sort and pages. Everything is in the URL, so a list can be bookmarked and the dashboard's
// figures link straight to it. Another team's match only says that a record exists; opening it is
// break-glass, which the case page asks a reason for.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { formatAge, formatDate, teamName } from '../../shell/format';
import { usePageTitle } from '../../shell/use-page-title';
import {
  CASE_LIST_PARAMS, RATING_LABELS, RATINGS, SORT_LABELS, caseListApi, caseListQuery,
  type CaseListItem, type CaseListParams, type CaseSearchResult, type Rating,
} from './case-list-api';

function paramsOf(search: URLSearchParams): CaseListParams {
  return Object.fromEntries(CASE_LIST_PARAMS.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : [])));
}

function CaseCard({ c }: { c: CaseListItem }) {
  const rows: [string, string | undefined][] = [
    ['Reference', c.id],
    ['Date of birth', c.dateOfBirth ? `${formatDate(c.dateOfBirth)} (${formatAge(c.dateOfBirth)})` : undefined],
    ['Also known as', c.aliases?.join(', ')],
    ['Status', c.status === 'open' ? 'Open' : 'Closed'],
    ['Pathway', c.pathwayLabel],
    ['Outcomes and orders', c.disposals?.join(', ')],
    ['Case manager', c.caseManagerName ?? 'Not allocated'],
    ['Team', teamName(c.team)],
    ['Risk of serious harm', c.rosh ? RATING_LABELS[c.rosh] : undefined],
    ['Safety & wellbeing', c.safetyWellbeing ? RATING_LABELS[c.safetyWellbeing] : undefined],
  ];
  return (
    <li className="case-card">
      <h3 className="govuk-heading-s case-card-title"><Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.displayName}</Link></h3>
      <dl className="case-card-facts">
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
    </li>
  );
}

function Elsewhere({ result }: { result: CaseSearchResult }) {
  if (!result.elsewhere.length) return null;
  return (
    <section className="case-elsewhere" aria-labelledby="elsewhere-heading">
      <h2 id="elsewhere-heading">Records in other teams</h2>
      <p>A record matching your search exists in another team. You cannot see its details.</p>
      <ul>
        {result.elsewhere.map((e) => (
          <li key={e.id}>
            {teamName(e.team)}, reference {e.id}.{' '}
            {result.canBreakGlass ? <Link to={`/cases/${encodeURIComponent(e.id)}`}>Open it with a reason (break glass)</Link> : <>Ask that team if you need it.</>}
          </li>
        ))}
      </ul>
      {result.elsewhereMore ? <p>More records in other teams match. Add a date of birth or a full name to narrow your search.</p> : null}
      {result.canBreakGlass ? <p className="muted">Opening another team's record is recorded in the audit trail with your reason, and flagged for review.</p> : null}
    </section>
  );
}

function Pages({ result, go }: { result: CaseSearchResult; go(page: number): string }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages < 2) return null;
  return (
    <nav className="case-pages" aria-label="Pages of cases">
      {result.page > 1 ? <Link to={go(result.page - 1)} rel="prev">Previous page</Link> : null}
      <span>Page {result.page} of {pages}</span>
      {result.page < pages ? <Link to={go(result.page + 1)} rel="next">Next page</Link> : null}
    </nav>
  );
}

export function CaseListPage() {
  usePageTitle('Cases');
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const [draft, setDraft] = useState<CaseListParams>(params);
  const [result] = useAsync(() => caseListApi.search(params), [search.toString()]);
  const countRef = useRef<HTMLHeadingElement>(null);
  const submitted = useRef(false);
  useEffect(() => setDraft(paramsOf(search)), [search]);
  useEffect(() => {
    // After a search, take the reader to what it found (screen readers hear the count).
    if (result.state === 'ready' && submitted.current) {
      submitted.current = false;
      countRef.current?.focus();
    }
  }, [result.state]);

  const set = (k: keyof CaseListParams, v: string) => setDraft((d) => ({ ...d, [k]: v || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    submitted.current = true;
    setSearch(new URLSearchParams(caseListQuery({ ...draft, page: undefined })));
  };
  const clear = () => {
    submitted.current = true;
    setSearch(new URLSearchParams());
  };
  const pageUrl = (page: number) => `/cases?${caseListQuery({ ...params, page: page > 1 ? String(page) : undefined })}`;
  const ready = result.state === 'ready' ? result.data : undefined;
  const filtersUsed = ['status', 'pathway', 'disposal', 'worker', 'rosh', 'wellbeing'].some((k) => params[k as keyof CaseListParams]);
  const select = (k: keyof CaseListParams, label: string, options: [string, string][], any = 'Any', hint?: string) => (
    <div className="govuk-form-group case-field">
      <label className="govuk-label govuk-label--s" htmlFor={`case-${k}`}>{label}</label>
      {hint ? <p className="govuk-hint" id={`case-${k}-hint`}>{hint}</p> : null}
      <select className="govuk-select" id={`case-${k}`} name={k} value={draft[k] ?? ''} onChange={(e) => set(k, e.target.value)} aria-describedby={hint ? `case-${k}-hint` : undefined}>
        <option value="">{any}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
  const ratings: [string, string][] = RATINGS.map((r: Rating) => [r, RATING_LABELS[r]]);

  return (
    <section className="case-list-page">
      <h1>Cases</h1>
      {session.can('create-case') ? <p><Link to="/cases/new">Open a new referral</Link></p> : null}
      <form className="case-search" role="search" aria-label="Find cases" onSubmit={submit}>
        <div className="govuk-form-group case-field case-field--wide">
          <label className="govuk-label govuk-label--s" htmlFor="case-q">Search by name, date of birth, NHS number or reference</label>
          <p className="govuk-hint" id="case-q-hint">For example, Jordan Baker, 14 March 2010, 943 476 5919 or YJ-AB12CD34</p>
          <input className="govuk-input" id="case-q" name="q" type="search" maxLength={200} aria-describedby="case-q-hint" autoComplete="off" spellCheck={false} value={draft.q ?? ''} onChange={(e) => set('q', e.target.value)} />
        </div>
        {select('team', 'Search in', [['all', 'All teams']], 'My teams', "Another team's record shows only that it exists and which team holds it.")}
        <details className="govuk-details case-filters" open={filtersUsed || undefined}>
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Filters and sort</span></summary>
          <div className="case-filter-fields">
            {select('worker', 'Case manager', [['me', 'Me'], ['none', 'Not allocated'], ...(ready?.workers ?? []).map((w): [string, string] => [w.id, w.name])], 'Anyone')}
            {select('status', 'Status', [['open', 'Open'], ['closed', 'Closed']])}
            {select('pathway', 'Pathway', (ready?.pathways ?? []).map((p): [string, string] => [p.value, p.label]))}
            {ready?.disposals.length ? select('disposal', 'Outcome or order', ready.disposals.map((p): [string, string] => [p.value, p.label])) : null}
            {ready?.ratingsShown !== false ? select('rosh', 'Risk of serious harm', ratings) : null}
            {ready?.ratingsShown !== false ? select('wellbeing', 'Safety & wellbeing', ratings) : null}
            {select('sort', 'Sort by', Object.entries(SORT_LABELS).filter(([v]) => v !== 'name'), 'Name')}
          </div>
        </details>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">Search</button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>Clear</button>
        </div>
      </form>

      {result.state === 'loading' && <p role="status">Loading cases…</p>}
      {result.state === 'error' && <p role="alert" className="govuk-error-message">{result.message}</p>}
      {ready ? (
        <>
          <h2 className="govuk-heading-m case-count" tabIndex={-1} ref={countRef}>
            {ready.total === 0 ? 'No cases found' : `${ready.total} ${ready.total === 1 ? 'case' : 'cases'}`}
          </h2>
          {ready.total === 0 ? <p>Check the spelling, or search by date of birth or reference instead.</p> : null}
          <ul className="case-cards">{ready.items.map((c) => <CaseCard key={c.id} c={c} />)}</ul>
          <Pages result={ready} go={pageUrl} />
          <Elsewhere result={ready} />
        </>
      ) : null}
    </section>
  );
}
