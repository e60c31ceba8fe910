// The four inputs of one escalation rule. In an override an empty input means "as the defaults".
import type { EscalationRuleDto } from './escalation-api';

type Rule = Partial<EscalationRuleDto>;

interface RuleFieldsProps {
  rule: Rule;
  onChange(rule: Rule): void;
  errors: Record<string, string>;
  /** Error path prefix, e.g. "policy.defaults" or "policy.overrides.0.rule". */
  path: string;
  optional?: boolean;
  idPrefix: string;
}

const dayFields: { key: 'reminderDaysBefore' | 'level1AfterDays' | 'level2AfterDays'; label: string }[] = [
  { key: 'reminderDaysBefore', label: 'Reminder, working days before due (0 = none)' },
  { key: 'level1AfterDays', label: 'Escalate to the manager, working days after due (0 = never)' },
  { key: 'level2AfterDays', label: 'Escalate to the next manager, further working days (0 = never)' },
];

export function RuleFields({ rule, onChange, errors, path, optional, idPrefix }: RuleFieldsProps) {
  const error = (key: string) => errors[`${path}.${key}`];
  return (
    <div className="rule-fields">
      {dayFields.map(({ key, label }) => (
        <p key={key}>
          <label htmlFor={`${idPrefix}-${key}`}>{label}</label>{' '}
          <input
            id={`${idPrefix}-${key}`} type="number" min={0} max={60} step={1} inputMode="numeric"
            value={rule[key] ?? ''} placeholder={optional ? 'default' : undefined}
            aria-invalid={!!error(key)} aria-describedby={error(key) ? `${idPrefix}-${key}-error` : undefined}
            onChange={(e) => onChange({ ...rule, [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
          />
          {error(key) ? <span id={`${idPrefix}-${key}-error`} className="govuk-error-message">{error(key)}</span> : null}
        </p>
      ))}
      <p>
        <label htmlFor={`${idPrefix}-overdue`}>Overdue notice to the owner on the due date</label>{' '}
        <select
          id={`${idPrefix}-overdue`}
          value={rule.overdueNotice === undefined ? '' : String(rule.overdueNotice)}
          onChange={(e) => onChange({ ...rule, overdueNotice: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          {optional ? <option value="">default</option> : null}
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      </p>
    </div>
  );
}
