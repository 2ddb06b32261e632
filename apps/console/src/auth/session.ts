// The signed-in session: the API's token (sent as `Authorization: Bearer <token>`, and over graphql-ws
// as `connectionParams.authorization`), when it expires, and who signed in. Kept in localStorage, so a
// reload or a second tab stays signed in; signing out in one tab signs out the others ('storage'
// events). A token the API refuses (UNAUTHENTICATED, or a subscription closed with 4401) or one past
// its expiry ends the session with the reason 'expired': the console then goes back to the sign-in
// page and, once signed in again, to where the person was (app/RequireSession.tsx).
import { useSyncExternalStore } from 'react';
import type { Role } from '../gql/graphql';

export interface SessionAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Whom the account acts for, in words (an authority, an organisation, a jurisdiction). */
  actsFor: string | null;
}

export interface Session {
  token: string;
  /** ISO 8601, from `login { expiresAt }`. */
  expiresAt: string;
  account: SessionAccount;
}

/** Why there is no session: the person signed out, or the API stopped accepting the token. */
export type SessionEnd = 'signed-out' | 'expired';

interface State {
  session: Session | null;
  ended: SessionEnd | null;
}

const KEY = 'sandbridge.console.session';
const listeners = new Set<() => void>();
let state: State = { session: read(), ended: null };
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function read(): Session | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored && typeof stored.token === 'string' && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function set(next: State): void {
  state = next;
  clearTimeout(expiryTimer);
  if (next.session) {
    // setTimeout's delay is a 32-bit number of milliseconds (about 24 days).
    const delay = Math.min(Date.parse(next.session.expiresAt) - Date.now(), 2 ** 31 - 1);
    expiryTimer = setTimeout(() => endSession('expired'), Math.max(0, delay));
  }
  for (const listener of listeners) listener();
}

/** Starts a session (after `login`). */
export function startSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
  set({ session, ended: null });
}

/** Ends the session here (and in the other tabs). Idempotent: ending no session changes nothing. */
export function endSession(reason: SessionEnd): void {
  if (!state.session) return;
  localStorage.removeItem(KEY);
  set({ session: null, ended: reason });
}

/** The current session (outside React: the API client reads the token here). */
export function currentSession(): Session | null {
  return state.session;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session and, when there is none, why; re-renders when either changes. */
export function useSessionState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** The session of a page under RequireSession (which renders nothing without one). */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession() outside a signed-in page');
  return session;
}

// Another tab signed in or out.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  const session = read();
  if (session?.token === state.session?.token) return;
  set({ session, ended: session ? null : 'signed-out' });
});
if (state.session) set(state);
