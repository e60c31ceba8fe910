// The reports pages' filter drop-down (team, month, quarter): a GOV.UK select with its label, shared so the
// timeliness and KPI pages keep the same markup.
export function ReportSelect({ id, label, value, onChange, options }: {
  id: string; label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[];
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <select className="govuk-select" id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
