/**
 * The staff signed in at this screen (the quick-switch list) and whose session is active.
 *
 * Browser: kept in `sessionStorage`, with each session's token (sent as `Authorization: Bearer`);
 * the list lasts as long as the tab. Electron: the same list without tokens; the main process
 * keeps them per window and acts as the active session (`main/ipc/calls.ts`).
 *
 * Invariant kept by the auth flow: every session in the list except the active one is locked
 * on the host (the screen is locked before anyone else signs in or switches).
 */
import type { OpName, SignedInView, StaffRole } from '../../../../main/contract/index';

export interface SignedInStaff {
  staffId: number;
  name: string;
  role: StaffRole;
  /** Unlocks with a PIN (else with the password). */
  hasPin: boolean;
  /** Null in Electron: the main process holds it. */
  token: string | null;
}

export interface SessionList {
  sessions: readonly SignedInStaff[];
  activeId: number | null;
}

const KEY = 'studio.sessions';
/** The operations served without a session: no token is sent with them. */
const PUBLIC_OPS: ReadonlySet<OpName> = new Set(['auth/status', 'auth/create-first', 'auth/sign-in']);

function isSession(x: unknown): x is SignedInStaff {
  const s = x as Partial<SignedInStaff> | null;
  return typeof s === 'object' && s !== null && typeof s.staffId === 'number' && typeof s.name === 'string'
    && typeof s.role === 'string' && typeof s.hasPin === 'boolean' && (s.token === null || typeof s.token === 'string');
}

function load(): SessionList {
  try {
    const raw = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as Partial<SessionList> | null;
    const sessions = Array.isArray(raw?.sessions) ? raw.sessions.filter(isSession) : [];
    const activeId = sessions.some((s) => s.staffId === raw?.activeId) ? raw!.activeId! : null;
    return { sessions, activeId };
  } catch {
    return { sessions: [], activeId: null };
  }
}

let state: SessionList = load();
const listeners = new Set<() => void>();

function commit(next: SessionList): void {
  state = next;
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage may be disabled: the list then lasts for this page only */
  }
  for (const l of listeners) l();
}

export const sessionStore = {
  /** The current list (a new object after every change, for useSyncExternalStore). */
  snapshot: (): SessionList => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  },
  active(): SignedInStaff | null {
    return state.sessions.find((s) => s.staffId === state.activeId) ?? null;
  },
  get(staffId: number): SignedInStaff | null {
    return state.sessions.find((s) => s.staffId === staffId) ?? null;
  },
  /** A sign-in: the person joins the list (or replaces their older entry) and becomes active. */
  add(view: SignedInView): SignedInStaff {
    const entry: SignedInStaff = { staffId: view.staff.id, name: view.staff.name, role: view.staff.role, hasPin: view.hasPin, token: view.token };
    commit({ sessions: [...state.sessions.filter((s) => s.staffId !== entry.staffId), entry], activeId: entry.staffId });
    return entry;
  },
  update(staffId: number, patch: Partial<Omit<SignedInStaff, 'staffId' | 'token'>>): void {
    if (!state.sessions.some((s) => s.staffId === staffId)) return;
    commit({ ...state, sessions: state.sessions.map((s) => (s.staffId === staffId ? { ...s, ...patch } : s)) });
  },
  setActive(staffId: number | null): void {
    if (staffId !== null && !state.sessions.some((s) => s.staffId === staffId)) return;
    if (state.activeId !== staffId) commit({ ...state, activeId: staffId });
  },
  /** Forgets a session (signed out, or the host ended it). */
  drop(staffId: number): void {
    if (!state.sessions.some((s) => s.staffId === staffId)) return;
    commit({ sessions: state.sessions.filter((s) => s.staffId !== staffId), activeId: state.activeId === staffId ? null : state.activeId });
  },
  clear(): void {
    commit({ sessions: [], activeId: null });
  },
  /**
   * The staff member whose session a call acts as: for `auth/unlock` the one unlocking
   * (`input.staffId`), for sign-in and first run nobody, otherwise the active one.
   */
  actingFor(name: OpName, input: unknown): number | null {
    if (PUBLIC_OPS.has(name)) return null;
    if (name === 'auth/unlock') {
      const id = (input as { staffId?: unknown } | null)?.staffId;
      return typeof id === 'number' ? id : null;
    }
    return state.activeId;
  },
  /** The token the HTTP client sends with a call (see `actingFor`). */
  tokenFor(name: OpName, input: unknown): string | null {
    const id = sessionStore.actingFor(name, input);
    return id === null ? null : sessionStore.get(id)?.token ?? null;
  },
};

/** A call that failed, as the auth flow needs to hear about it (`locked`, `unauthorized`). */
export interface CallFailure { name: OpName; input: unknown; staffId: number | null; error: unknown }

const failureListeners = new Set<(f: CallFailure) => void>();

export function reportCallFailure(failure: CallFailure): void {
  for (const l of failureListeners) l(failure);
}

export function onCallFailure(listener: (f: CallFailure) => void): () => void {
  failureListeners.add(listener);
  return () => { failureListeners.delete(listener); };
}
