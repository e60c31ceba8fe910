// Who is signed in, what they may do, and sign-in/out. The server is the authority: `can()` only
// decides what to show; every API call is checked again on the server.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFetch, onUnauthenticated, setCsrfToken } from './api-fetch';

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
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const accept = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
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
