// Whose work a reader of reports sees. Team managers see their own teams (the case rule's "managers over
// their teams"); data officers and the DPO answer for the whole service (returns, inspection, audit) and
// see every team. Reports hold counts and rates, and people by name — never a child's details.
export type ReportScope = { kind: 'service' } | { kind: 'teams'; teams: readonly string[] };

const SERVICE_WIDE: readonly string[] = ['data-officers', 'dpo'];

export function reportScope(actor: { roles: readonly string[]; teams: readonly string[] }): ReportScope {
  return actor.roles.some((r) => SERVICE_WIDE.includes(r)) ? { kind: 'service' } : { kind: 'teams', teams: [...actor.teams] };
}

/** The teams a query may read, or undefined for every team; a team outside the scope is refused. */
export function teamsToRead(scope: ReportScope, team: string | undefined): readonly string[] | undefined | 'refused' {
  if (scope.kind === 'service') return team ? [team] : undefined;
  if (team) return scope.teams.includes(team) ? [team] : 'refused';
  return scope.teams;
}
