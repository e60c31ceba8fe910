// The data officer's returns page: choose a quarter, generate the YJB case-level return, see its counts
// and the records that cannot be completed (children named only where the officer may see the case),
// download the file (the server audits the download as a disclosure) and mark a version submitted.
// A submitted version stays as it was; generating again makes a new draft beside it.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, teamName } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { returnsApi, type QuarterReturnsView, type ReturnVersionView } from './returns-api';

function Versions({ view, busy, onSubmit }: { view: QuarterReturnsView; busy: boolean; onSubmit(v: ReturnVersionView): void }) {
  if (!view.versions.length) return <p className="govuk-body">No return has been generated for this quarter yet.</p>;
  return (
    <ScrollRegion label="Versions of this quarter's return">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Versions</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Version', 'Status', 'Generated', 'Children', 'Records', 'Left out', 'File'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {view.versions.map((v) => (
            <tr key={v.id} className="govuk-table__row" data-testid={`return-version-${v.version}`}>
              <th scope="row" className="govuk-table__header">Version {v.version}{v.latest ? '' : ' (superseded)'}</th>
              <td className="govuk-table__cell">
                {v.status === 'submitted'
                  ? <><strong className="govuk-tag govuk-tag--green">Submitted</strong> {formatDateTime(v.submittedAt)} by {v.submittedBy}</>
                  : <strong className="govuk-tag govuk-tag--grey">Draft</strong>}
              </td>
              <td className="govuk-table__cell">{formatDateTime(v.generatedAt)} by {v.generatedBy}</td>
              <td className="govuk-table__cell">{v.counts.children}</td>
              <td className="govuk-table__cell">{v.counts.records}</td>
              <td className="govuk-table__cell">{v.counts.leftOut}</td>
              <td className="govuk-table__cell">
                <a className="govuk-link" href={returnsApi.fileHref(v.id)} download={v.fileName}>Download<span className="govuk-visually-hidden"> version {v.version}</span></a>
                {v.latest && v.status === 'draft' && (
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" disabled={busy} onClick={() => onSubmit(v)}>
                    Mark as submitted<span className="govuk-visually-hidden"> (version {v.version})</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Problems({ version }: { version: ReturnVersionView }) {
  const { problems } = version;
  return (
    <section aria-labelledby="return-problems">
      <h2 id="return-problems" className="govuk-heading-m">Records that cannot be completed ({problems.length})</h2>
      {!problems.length ? <p className="govuk-body">Every record of version {version.version} is complete.</p> : (
        <>
          <p className="govuk-body">These records are left out of the file. Correct them on the case, then generate the return again.</p>
          <ScrollRegion label="Records that cannot be completed">
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Child', 'Team', 'Record', 'Why', 'Value recorded'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {problems.map((p, i) => (
                  <tr key={i} className="govuk-table__row">
                    <td className="govuk-table__cell">{p.caseId ? <Link className="govuk-link" to={`/cases/${encodeURIComponent(p.caseId)}`}>{p.child}</Link> : p.child}</td>
                    <td className="govuk-table__cell">{teamName(p.team)}</td>
                    <td className="govuk-table__cell">{p.record}</td>
                    <td className="govuk-table__cell">{p.reason}</td>
                    <td className="govuk-table__cell">{p.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const generatedWords = (v: ReturnVersionView) =>
  `Version ${v.version} generated: ${counted(v.counts.children, 'child', 'children')}, ${counted(v.counts.records, 'record', 'records')}, ${v.counts.leftOut} left out.`;

export function ReturnsPage() {
  const [view, setView] = useState<QuarterReturnsView>();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    returnsApi.quarter().then((v) => { setView(v); setChosen(v.quarter.id); }, (e: Error) => setError(e.message));
  }, []);

  const run = (work: Promise<QuarterReturnsView>, done: (v: QuarterReturnsView) => string | undefined) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    work.then((v) => { setView(v); setChosen(v.quarter.id); setNotice(done(v)); }, (e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const show = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) run(returnsApi.quarter(chosen), () => undefined);
  };

  const latest = view?.versions.find((v) => v.latest);
  return (
    <section>
      <h1 className="govuk-heading-l">Case-level returns</h1>
      <p className="govuk-body">The Youth Justice Board's quarterly case-level return: one record for each child with an outcome or order in the quarter. Downloading a file is recorded as a disclosure.</p>
      {error && <div className="govuk-error-summary" role="alert"><h2 className="govuk-error-summary__title">There is a problem</h2><p className="govuk-body">{error}</p></div>}
      {notice && <p className="govuk-inset-text" role="status">{notice}</p>}
      {!view ? (!error && <p role="status" className="govuk-body">Loading returns…</p>) : (
        <>
          <form onSubmit={show} aria-label="Choose a quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="return-quarter">Quarter</label>
              <select className="govuk-select" id="return-quarter" name="quarter" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {view.quarters.map((q) => <option key={q.id} value={q.id}>{q.words}</option>)}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>Show quarter</button>
          </form>
          <h2 className="govuk-heading-m" data-testid="return-quarter">{view.quarter.words}</h2>
          {!view.ended && <p className="govuk-inset-text">This quarter has not ended: outcomes still to be recorded will be missing from a return generated now.</p>}
          <button type="button" className="govuk-button" disabled={busy}
            onClick={() => run(returnsApi.generate(view.quarter.id), (v) => generatedWords(v.versions[0]))}>
            {view.versions.length ? 'Generate again' : 'Generate the return'}
          </button>
          <Versions view={view} busy={busy} onSubmit={(v) => run(returnsApi.submit(v.id), () => `Version ${v.version} marked as submitted.`)} />
          {latest && <Problems version={latest} />}
        </>
      )}
    </section>
  );
}
