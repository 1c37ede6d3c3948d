/**
 * Who is signed in. An expired session or a lost connection does not unmount the screen: the
 * sign-in form opens over it, and whatever was typed is still there once signed in again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { sessionResponse } from '#src/auth/present.ts';
import type { z } from 'zod';
import { api, onInterruption, setCsrfToken, type ApiError } from './api.ts';

type SessionResponse = z.infer<typeof sessionResponse>;
export type User = NonNullable<SessionResponse['user']>;

export interface Session {
  user: User | null;
  /** Set while the session expired or the server was unreachable; cleared by signing in again. */
  interruption: ApiError | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  dismissInterruption(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState(false);
  const [user, setUser] = useState<User | null>(null);
  const [interruption, setInterruption] = useState<ApiError | null>(null);

  useEffect(() => {
    void api<SessionResponse>('GET', '/api/session')
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch(() => setUser(null))
      .finally(() => setLoaded(true));
    return onInterruption(setInterruption);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await api<SessionResponse>('POST', '/api/session', { body: { email, password }, quietUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setInterruption(null);
  }, []);

  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session');
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo<Session>(
    () => ({ user, interruption, signIn, signOut, dismissInterruption: () => setInterruption(null) }),
    [user, interruption, signIn, signOut],
  );
  return loaded ? <SessionContext.Provider value={value}>{children}</SessionContext.Provider> : null;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for screens rendered behind the sign-in. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
