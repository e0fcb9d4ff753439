/**
 * The building block of the API contract: one named operation with its zod input schema,
 * its output type (a phantom type, produced by our own handlers) and who may call it.
 */
import type { z } from 'zod';

export const STAFF_ROLES = ['trainer', 'manager', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who may call an operation:
 * - a staff role: a signed-in staff member with that role whose screen is not locked;
 * - `session`: any signed-in staff member, even with a locked screen (unlock, sign out, who am I);
 * - `member`: a member's paired phone (no operation uses it until member devices exist);
 * - `public`: anyone who reaches the studio, signed in or not (sign-in and first-run only).
 * No access is granted by where a call comes from: a loopback socket is not trusted by itself.
 */
export type Access = StaffRole | 'session' | 'member' | 'public';

/** Access lists used across the contract. */
export const STAFF_ONLY = ['trainer', 'manager', 'front_desk'] as const satisfies readonly Access[];
export const COACHES = ['trainer', 'manager'] as const satisfies readonly Access[];
export const MANAGERS = ['manager'] as const satisfies readonly Access[];
export const SIGNED_IN = ['session'] as const satisfies readonly Access[];
export const PUBLIC = ['public'] as const satisfies readonly Access[];

/**
 * The member an operation's input is about, named by the input field that identifies it. A
 * trainer may act only on their own members (and unassigned ones); managers and front desk
 * are not limited by it. Resolved by `db/scope.ts`.
 */
export type OwnedBy = 'memberId' | 'planId' | 'prescriptionId' | 'recommendationId' | 'adjustmentId' | 'bookingId' | 'actionId';

export interface Operation<I extends z.ZodType, O> {
  input: I;
  access: readonly Access[];
  /** One line for people: what it does. */
  summary: string;
  /** The input field naming the member this call is about (trainers: their members only). */
  ownedBy?: OwnedBy;
  /** The input carries whole files: the HTTP body may be up to 80 MB (else 1 MB). */
  largeBody?: boolean;
  /** Long work that reports progress (the client may ask for a progress stream). */
  reportsProgress?: boolean;
  /** Heavy work: the host runs it in a worker thread, off the event loop, with a time limit. */
  runsInWorker?: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O;
}

/**
 * Declares an operation. Curried so the output type is named and the input inferred:
 * `op<PlanView>()({ input: z.object({...}), access: ['trainer'], summary: '...' })`.
 */
export const op =
  <O>() =>
  <I extends z.ZodType>(def: Omit<Operation<I, O>, '__output'>): Operation<I, O> =>
    def;
