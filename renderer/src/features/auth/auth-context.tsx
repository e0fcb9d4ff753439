/**
 * Who is at the screen, and what the screen shows: the first-run setup, the sign-in, the lock
 * screen (quick switch) or the studio. Listens to every call's failure: `locked` shows the lock
 * screen; `unauthorized` (the session has ended) forgets that session and, if it was the active
 * one, asks to sign in again, saying why. (`wrong_secret` is a wrong password or PIN typed into a
 * form, named by its field: the session is still there.)
 */
import {
  createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode,
} from 'react';
import type { MeView, SessionPolicy, SignedInView } from '../../../../main/contract/index';
import { api, endOlderSession } from '../../api';
import { studioErrorOf } from '../../errors';
import { onCallFailure, sessionStore, type SessionList } from './session-store';
import { useIdleLock } from './idle';

export type AuthScreen =
  | { kind: 'starting' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'first-run' }
  | { kind: 'sign-in'; reason: string | null }
  | { kind: 'locked'; reason: string | null }
  | { kind: 'ready' };

export interface FirstManager { name: string; username: string; password: string; pin?: string }
export type UnlockSecret = { pin: string } | { password: string };

export interface AuthValue {
  screen: AuthScreen;
  /** The active session as the host last described it (null when nobody is active). */
  me: MeView | null;
  policy: SessionPolicy;
  sessions: SessionList;
  /** After a sign-in without a PIN: offer to set one (skippable). */
  askForPin: boolean;
  retry(): void;
  createFirst(input: FirstManager): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  lock(): Promise<void>;
  /** Unlocks (or switches to) a signed-in staff member's session; rejects with the host's error. */
  unlock(staffId: number, secret: UnlockSecret): Promise<void>;
  signOut(): Promise<void>;
  /** From the lock screen: the password form, to add another person's session. */
  showSignIn(): void;
  /** Back from the password form to the quick switch (when someone is signed in here). */
  backToLock(): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  setPin(password: string, pin: string): Promise<void>;
  dismissPinPrompt(): void;
  /** Every session here ended at once (a restore): forget them all and ask to sign in. */
  everyoneSignsInAgain(reason: string): void;
}

const DEFAULT_POLICY: SessionPolicy = { absoluteHours: 12, idleMinutes: 60, lockMinutes: 5 };
const AuthContext = createContext<AuthValue | null>(null);

const meOf = (v: SignedInView): MeView => ({
  staff: v.staff, locked: false, expiresAt: v.expiresAt, hasPin: v.hasPin, mustChangePassword: v.mustChangePassword, policy: v.policy,
});

/** The unlock failed and the host ended the session (too many wrong PINs), rather than counting a try. */
function endedByUnlock(error: unknown): boolean {
  const e = studioErrorOf(error);
  return e?.reason === 'unauthorized';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const sessions = useSyncExternalStore(sessionStore.subscribe, sessionStore.snapshot);
  const [screen, setScreen] = useState<AuthScreen>({ kind: 'starting' });
  const [me, setMe] = useState<MeView | null>(null);
  const [policy, setPolicy] = useState<SessionPolicy>(DEFAULT_POLICY);
  const [askForPin, setAskForPin] = useState(false);
  const [boot, setBoot] = useState(0);

  const adopt = useCallback((m: MeView) => {
    setMe(m);
    setPolicy(m.policy);
    sessionStore.update(m.staff.id, { name: m.staff.name, role: m.staff.role, hasPin: m.hasPin });
  }, []);

  const sessionEnded = useCallback((staffId: number, message: string) => {
    const who = sessionStore.get(staffId);
    if (!who) return;
    const wasActive = sessionStore.snapshot().activeId === staffId;
    sessionStore.drop(staffId);
    const reason = `${who.name}: ${message}`;
    if (wasActive || sessionStore.snapshot().sessions.length === 0) {
      setMe(null);
      setScreen({ kind: 'sign-in', reason });
    } else {
      setScreen((s) => (s.kind === 'locked' ? { kind: 'locked', reason } : s));
    }
  }, []);

  useEffect(() => onCallFailure(({ staffId, error }) => {
    const e = studioErrorOf(error);
    if (!e || staffId === null) return;
    if (e.reason === 'locked' && staffId === sessionStore.snapshot().activeId) {
      setMe((m) => (m ? { ...m, locked: true } : m));
      setScreen((s) => (s.kind === 'ready' ? { kind: 'locked', reason: 'The studio locked the screen after a while without use.' } : s));
    } else if (e.reason === 'unauthorized') {
      sessionEnded(staffId, e.message);
    }
  }), [sessionEnded]);

  useEffect(() => {
    let live = true;
    (async () => {
      setScreen({ kind: 'starting' });
      let status;
      try {
        status = await api.auth.status({});
      } catch (err) {
        if (live) setScreen({ kind: 'unreachable', message: studioErrorOf(err)?.message ?? String(err) });
        return;
      }
      if (!live) return;
      setPolicy(status.policy);
      if (status.needsFirstManager) {
        sessionStore.clear();
        setScreen({ kind: 'first-run' });
        return;
      }
      if (!sessionStore.active()) {
        setScreen(sessionStore.snapshot().sessions.length > 0 ? { kind: 'locked', reason: null } : { kind: 'sign-in', reason: null });
        return;
      }
      try {
        const m = await api.auth.me({});
        if (!live) return;
        adopt(m);
        setScreen(m.locked ? { kind: 'locked', reason: null } : { kind: 'ready' });
      } catch (err) {
        // An ended session was handled by the failure listener (sign-in, with the reason).
        if (live && studioErrorOf(err)?.reason !== 'unauthorized') setScreen({ kind: 'unreachable', message: studioErrorOf(err)?.message ?? String(err) });
      }
    })();
    return () => { live = false; };
  }, [boot, adopt]);

  const signedIn = useCallback((view: SignedInView) => {
    const older = sessionStore.get(view.staff.id)?.token;
    if (older && older !== view.token) endOlderSession(older);
    sessionStore.add(view);
    setMe(meOf(view));
    setPolicy(view.policy);
    setAskForPin(!view.hasPin);
    setScreen({ kind: 'ready' });
  }, []);

  const lock = useCallback(async () => {
    try {
      adopt(await api.auth.lock({}));
    } catch {
      /* an ended session is handled by the failure listener; otherwise lock this screen anyway */
    } finally {
      if (sessionStore.active()) setScreen({ kind: 'locked', reason: null });
    }
  }, [adopt]);

  const unlock = useCallback(async (staffId: number, secret: UnlockSecret) => {
    try {
      const m = await api.auth.unlock({ staffId, ...secret });
      sessionStore.setActive(staffId);
      adopt(m);
      setScreen({ kind: 'ready' });
    } catch (err) {
      if (endedByUnlock(err)) sessionEnded(staffId, studioErrorOf(err)!.message);
      throw err;
    }
  }, [adopt, sessionEnded]);

  const signOut = useCallback(async () => {
    const active = sessionStore.active();
    if (!active) return;
    try {
      await api.auth.signOut({});
    } catch {
      /* the session is forgotten here either way */
    }
    sessionStore.drop(active.staffId);
    setMe(null);
    setScreen(sessionStore.snapshot().sessions.length > 0
      ? { kind: 'locked', reason: `${active.name} signed out.` }
      : { kind: 'sign-in', reason: null });
  }, []);

  const heartbeat = useCallback(() => {
    api.auth.me({}).then((m) => {
      adopt(m);
      if (m.locked) setScreen((s) => (s.kind === 'ready' ? { kind: 'locked', reason: null } : s));
    }, () => { /* reported to the failure listener */ });
  }, [adopt]);

  useIdleLock(screen.kind === 'ready', policy.lockMinutes, () => void lock(), heartbeat);

  const value = useMemo<AuthValue>(() => ({
    screen, me, policy, sessions, askForPin,
    retry: () => setBoot((n) => n + 1),
    createFirst: async (input) => signedIn(await api.auth.createFirst(input)),
    signIn: async (username, password) => signedIn(await api.auth.signIn({ username, password })),
    lock, unlock, signOut,
    showSignIn: () => setScreen({ kind: 'sign-in', reason: null }),
    backToLock: () => setScreen({ kind: 'locked', reason: null }),
    changePassword: async (currentPassword, newPassword) => adopt(await api.auth.changePassword({ currentPassword, newPassword })),
    setPin: async (password, pin) => {
      adopt(await api.auth.setPin({ password, pin }));
      setAskForPin(false);
    },
    dismissPinPrompt: () => setAskForPin(false),
    everyoneSignsInAgain: (reason) => {
      sessionStore.clear();
      setMe(null);
      setScreen({ kind: 'sign-in', reason });
    },
  }), [screen, me, policy, sessions, askForPin, signedIn, lock, unlock, signOut, adopt]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
