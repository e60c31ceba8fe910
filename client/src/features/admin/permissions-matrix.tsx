// One matrix of the permission table as a GOV.UK table of checkboxes: a row per action (or case section),
// a column per role. Wide, so it scrolls inside its own labelled, focusable region on a phone.
import { ScrollRegion } from '../../shell/scroll-region';
import type { Labelled, Rows } from './permissions-api';

interface Props {
  caption: string;
  /** Which list of each role's row the boxes tick. */
  field: 'actions' | 'read' | 'write';
  items: Labelled[];
  roles: string[];
  /** Each role's name for people, by key. */
  roleNames: Record<string, string>;
  rows: Rows;
  /** "may", "may read", "may write": the hidden label of each box reads "{role} may read Health". */
  verb: string;
  onToggle(role: string, key: string, on: boolean): void;
}

export function PermissionsMatrix({ caption, field, items, roles, roleNames, rows, verb, onToggle }: Props) {
  const name = (role: string) => roleNames[role] ?? role;
  return (
    <ScrollRegion label={caption}>
      <table className="govuk-table permissions-matrix" data-testid={`matrix-${field}`}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{field === 'actions' ? 'Action' : 'Section'}</th>
            {roles.map((r) => <th key={r} scope="col" className="govuk-table__header">{name(r)}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((item) => (
            <tr key={item.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{item.label}{item.description && <span className="govuk-hint govuk-!-margin-bottom-0">{item.description}</span>}</th>
              {roles.map((role) => {
                const id = `perm-${field}-${role}-${item.key}`;
                const on = rows[role]?.[field].includes(item.key) ?? false;
                return (
                  <td key={role} className="govuk-table__cell">
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" type="checkbox" id={id} checked={on} onChange={(e) => onToggle(role, item.key, e.target.checked)} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          <span className="govuk-visually-hidden">{name(role)} {verb} {item.label}</span>
                        </label>
                      </div>
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
