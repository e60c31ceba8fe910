// The preview of a proposed version: what changes role by role, and who would gain or lose what, by name.
import type { PreviewDto } from './permissions-api';

export function PermissionsEffect({ preview, title = 'Effect of the change', testId = 'permissions-effect' }: { preview: Omit<PreviewDto, 'basedOn'>; title?: string; testId?: string }) {
  return (
    <div className="govuk-inset-text" data-testid={testId} aria-live="polite">
      <h2 className="govuk-heading-m">{title}</h2>
      {Object.values(preview.needsApproval ?? {}).map((m) => <p className="govuk-body" key={m}><strong>Another administrator must approve this change.</strong> {m}.</p>)}
      {preview.changes.length === 0 && <p className="govuk-body">Nothing would change.</p>}
      {preview.changes.length > 0 && preview.effect.length === 0 && <p className="govuk-body">The table changes, but no active user would gain or lose anything.</p>}
      <ul className="govuk-list govuk-list--bullet">
        {preview.effect.map((line) => (
          <li key={`${line.change}-${line.kind}-${line.name}`}>
            <strong>{line.summary}</strong>: {line.users.map((u) => u.displayName).join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
