/**
 * The signed-in person: their token and who the API says they are (GET /api/me), kept for this
 * browser tab only. A reload shows the pages at once with what was kept, and reads /api/me again
 * beside them; a token the API stops taking signs the person out.
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

interface Stored {
  token: string;
  via: SignedInVia;
  me?: Me;
}

function stored(): Stored | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this tab keeps a sign-in: the pages behind it may read before the session is checked. */
export const hasKeptSession = (): boolean => stored() !== undefined;

const keep = (session: Session) => sessionStorage.setItem(KEY, JSON.stringify(session));

/** Set by the provider; calls made before it mounts already carry the kept token. */
let signedOut: () => void = () => {};
setTokenSource(
  () => stored()?.token,
  () => signedOut(),
);

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
  const [session, setSession] = useState<Session | undefined>(() => {
    const kept = stored();
    return kept?.me ? { token: kept.token, via: kept.via, me: kept.me } : undefined;
  });
  const [restoring, setRestoring] = useState(() => {
    const kept = stored();
    return kept !== undefined && kept.me === undefined;
  });

  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setSession(undefined);
  }, []);

  const signIn = useCallback(async (token: string, via: SignedInVia) => {
    const me = await api.get<Me>('/api/me', { token });
    const next = { token, me, via };
    keep(next);
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    signedOut = signOut;
    const kept = stored();
    if (!kept) return;
    api
      .get<Me>('/api/me', { token: kept.token })
      .then((me) => {
        const next = { token: kept.token, me, via: kept.via };
        keep(next);
        setSession(next);
      })
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
