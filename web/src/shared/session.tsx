/**
 * The signed-in person: their token (kept for this browser tab only) and who the API says they
 * are (GET /api/me). A token the API stops taking signs the person out.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setTokenSource } from './api/client';
import type { Me, Role } from './api/types';

export type SignedInVia = 'development' | 'oidc';

export interface Session {
  token: string;
  me: Me;
  via: SignedInVia;
}

interface SessionState {
  session: Session | undefined;
  /** True until a stored token has been checked. */
  restoring: boolean;
  signIn: (token: string, via: SignedInVia) => Promise<Session>;
  signOut: () => void;
}

const KEY = 'pishkhan.session';
const SessionContext = createContext<SessionState | undefined>(undefined);

function storedToken(): { token: string; via: SignedInVia } | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as { token: string; via: SignedInVia }) : undefined;
  } catch {
    return undefined;
  }
}

/** Where each role works: the page a person lands on after signing in. */
export function landingOf(role: Role): string {
  switch (role) {
    case 'office':
    case 'department':
      return '/work';
    case 'manager':
    case 'inspector':
    case 'admin':
      return '/oversight';
    case 'designer':
      return '/design';
    case 'citizen':
      return '/track';
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>();
  const [restoring, setRestoring] = useState(() => storedToken() !== undefined);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setSession(undefined);
  }, []);

  const signIn = useCallback(async (token: string, via: SignedInVia) => {
    const me = await api.get<Me>('/api/me', { token });
    sessionStorage.setItem(KEY, JSON.stringify({ token, via }));
    const next = { token, me, via };
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    setTokenSource(() => storedToken()?.token, signOut);
    const stored = storedToken();
    if (!stored) return;
    api
      .get<Me>('/api/me', { token: stored.token })
      .then((me) => setSession({ token: stored.token, me, via: stored.via }))
      .catch(signOut)
      .finally(() => setRestoring(false));
  }, [signOut]);

  const value = useMemo(
    () => ({ session, restoring, signIn, signOut }),
    [session, restoring, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in person; pages behind RequireRole only. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
