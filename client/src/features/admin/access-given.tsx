// Access to children's data that administrators gave accounts lately — new accounts, roles or teams added to
// someone's account, passwords an administrator set — shown to every administrator on the users page. Making
// accounts is an administrator's job and is not held for a second one; this list is how the others would see a
// second account an administrator made for themselves (docs/permissions.md).
import { GRANT_WORDS } from '../../../../server/src/domain/users/access-grant';
import { useAsync } from '../forms/use-async';
import { formatDateTime } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { adminApi } from './admin-api';

export function AccessGiven({ reloadKey = 0 }: { reloadKey?: number }) {
  const [grants] = useAsync(() => adminApi.accessGiven(), [reloadKey]);
  if (grants.state === 'error') return <p className="govuk-error-message" role="alert">{grants.message}</p>;
  if (grants.state !== 'ready') return null;
  const { days, items } = grants.data;
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="access-given-title" data-testid="access-given">
      <h2 className="govuk-heading-m" id="access-given-title">Access to children’s data given in the last {days} days</h2>
      {!items.length ? <p className="govuk-body">No administrator gave an account access to children’s data in the last {days} days.</p> : (
        <ScrollRegion label="Access to children’s data given"><table className="govuk-table">
          <thead><tr><th scope="col">Account</th><th scope="col">What was done</th><th scope="col">It reaches</th><th scope="col">By</th><th scope="col">When</th></tr></thead>
          <tbody>
            {items.map((g) => (
              <tr key={g.id}>
                <td>{g.userName}</td><td>{GRANT_WORDS[g.kind]}</td><td>{g.gained.join(', ')}</td><td>{g.byName}</td><td>{formatDateTime(g.at)}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
    </section>
  );
}
