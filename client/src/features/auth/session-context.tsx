// Who is signed in, what they may do, and sign-in/out. The server is the authority: `can()` only
// decides what to show; every API call is checked again on the server.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFetch, onUnauthenticated, setCsrfToken } from './api-fetch';
import { setTeamNames } from '../../shell/format';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  teams: string[];
  managerId: string | null;
}

export interface SessionView {
  user: SessionUser;
  csrfToken: string;
  actions: string[];
  readableSections: string[];
  writableSections: string[];
  /** Names of every role, case section and team in force, by key (configured ones included). */
  words?: { roles: Record<string, string>; sections: Record<string, string>; teams?: Record<string, string> };
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; view: SessionView };

export interface SessionApi {
  state: SessionState;
  user?: SessionUser;
  can(action: string): boolean;
  canRead(section: string): boolean;
  /** A role or section as people read it ("Case managers", "Speech and language"), never the key. */
  roleName(role: string): string;
  sectionName(section: string): string;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

// The shipped sections' names, for a session from a server that sent none (the server's words come first:
// they include the sections an admin added), and documents and audit, which are tabs rather than sections.
const SECTION_NAMES: Record<string, string> = {
  personal: 'Personal', family: 'Family & relationships', education: 'Education', health: 'Health',
  offending: 'Offending', assessments: 'Assessments', plans: 'Plans and reviews', victims: 'Victims', agencies: 'Agencies involved',
  documents: 'Documents', audit: 'Audit',
};

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const accept = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
    setTeamNames(view.words?.teams);
    setState({ status: 'signed-in', view });
  }, []);
  const drop = useCallback((reason?: string) => {
    setCsrfToken(undefined);
    setState({ status: 'signed-out', reason });
  }, []);

  useEffect(() => {
    apiFetch<SessionView>('GET', '/api/auth/me').then(accept, () => drop());
    return onUnauthenticated((e) => drop(e.code === 'SESSION_EXPIRED' ? e.message : undefined));
  }, [accept, drop]);

  const api = useMemo<SessionApi>(() => {
    const view = state.status === 'signed-in' ? state.view : undefined;
    return {
      state,
      user: view?.user,
      can: (action) => !!view?.actions.includes(action),
      canRead: (section) => !!view?.readableSections.includes(section),
      roleName: (role) => view?.words?.roles[role] ?? role,
      sectionName: (section) => view?.words?.sections[section] ?? SECTION_NAMES[section] ?? section,
      signIn: async (username, password) => accept(await apiFetch<SessionView>('POST', '/api/auth/sign-in', { username, password })),
      signOut: async () => {
        await apiFetch<void>('POST', '/api/auth/sign-out').catch(() => undefined);
        drop();
      },
    };
  }, [state, accept, drop]);

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession() must be used inside <SessionProvider>');
  return s;
}

/** A section's name: the session's words, or the shipped names where a panel is shown without a session (tests, previews). */
export function useSectionName(): (section: string) => string {
  const s = useContext(SessionContext);
  return s?.sectionName ?? ((section) => SECTION_NAMES[section] ?? section);
}
