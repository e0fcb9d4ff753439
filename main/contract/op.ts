/**
 * The building block of the API contract: one named operation with its zod input schema,
 * its output type (a phantom type, produced by our own handlers) and who may call it.
 */
import type { z } from 'zod';

export const STAFF_ROLES = ['trainer', 'manager', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who may call an operation:
 * - a staff role: a signed-in (for now: selected, on a local transport) staff member with that role;
 * - `member`: a member's phone (not served until member sign-in exists);
 * - `local`: any caller on a local transport (Electron IPC or HTTP from loopback);
 * - `public`: anyone who can reach the HTTP server, including the LAN.
 */
export type Access = StaffRole | 'member' | 'local' | 'public';

/** Access lists used across the contract. */
export const STAFF_ONLY = ['trainer', 'manager', 'front_desk'] as const satisfies readonly Access[];
export const COACHES = ['trainer', 'manager'] as const satisfies readonly Access[];
export const MANAGERS = ['manager'] as const satisfies readonly Access[];

export interface Operation<I extends z.ZodType, O> {
  input: I;
  access: readonly Access[];
  /** One line for people: what it does. */
  summary: string;
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
