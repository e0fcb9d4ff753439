/** What every handler receives besides its validated input. */
import type { PaymentsService } from '../payments/service';
import type { StudioDatabase } from '../../db/open';
import type { StaffRow } from '../../db/staff';
import type { SessionProblem } from '../auth/sessions';
import type { LiveService } from '../live/service';
import type { SyncService } from '../sync/service';
import type { CoachService } from '../coach/service';

/**
 * How the call arrived. `ipc`: the desktop window; `http`: any HTTP caller (this machine or the
 * network, trusted alike: not at all); `cli`: the `studio` command, run by someone who can read
 * the database file anyway; `system`: the studio's own scheduled jobs (weekly analysis, backups).
 */
export type Transport = 'ipc' | 'http' | 'cli' | 'system' | 'phone';

export interface CallerSession {
  id: number;
  /** The screen lock is on: only unlock, sign-out and who-am-I are served. */
  locked: boolean;
  expiresAt: string;
  mustChangePassword: boolean;
}

export interface Caller {
  transport: Transport;
  /** The signed-in staff member (http, ipc), or the one the CLI acts as; null when signed out. */
  staff: StaffRow | null;
  /** The session the staff member signed in with (http, ipc); null for cli, system and signed-out callers. */
  session: CallerSession | null;
  /** Why a token that came with the call gave no session. */
  sessionProblem?: SessionProblem;
  /** The network address of an HTTP caller (for sign-in limits and the audit log). */
  address?: string | null;
  userAgent?: string | null;
}

export interface HandlerContext {
  store: StudioDatabase;
  caller: Caller;
  /** Reports progress of long work: `fraction` 0–1 and a line for people. */
  progress(fraction: number, message: string): void;
  /** The current time; injectable for tests. */
  now(): Date;
  /** The studio version, from package.json. */
  version: string;
  /** The running classes of the live monitor (absent in worker threads). */
  live?: LiveService;
  /** Member phones' sync state (absent in worker threads). */
  sync?: SyncService;
  /** The coach: model state and the inference worker (absent in worker threads). */
  coach?: CoachService;
  /** Aborted when the caller goes away or presses Stop (the HTTP request closed, the window's cancel). */
  signal?: AbortSignal;
  /** The Stripe connection of the payments feature (absent in worker threads). */
  payments?: PaymentsService;
}

/** The staff id to record as the actor of a change (null for the studio's own jobs). */
export function actorOf(ctx: Pick<HandlerContext, 'caller'>): number | null {
  return ctx.caller.staff?.id ?? null;
}

/**
 * An audit entry by the caller: the actor and how the call arrived filled in. Pass
 * `subjectMemberId` for entries about a member, so their content is sealed with the member's key.
 */
export function auditBy<E extends { action: string; entity: string; entityId: string | number }>(
  ctx: Pick<HandlerContext, 'caller'>,
  entry: E,
): E & { actorStaffId: number | null; via: Transport } {
  return { ...entry, ...auditActor(ctx) };
}

/** Who did it and how it arrived, for spreading into an audit entry. */
export function auditActor(ctx: Pick<HandlerContext, 'caller'>): { actorStaffId: number | null; via: Transport } {
  return { actorStaffId: actorOf(ctx), via: ctx.caller.transport };
}
