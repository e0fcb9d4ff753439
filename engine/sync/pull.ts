/**
 * What `POST /sync/v1/pull` answers: the sections that changed since the phone's cursor. A
 * section left out is unchanged; `reset: true` means the phone's cursor was ahead of the studio
 * (a studio restored from a backup) and everything is sent again, so the phone replaces its
 * copies rather than waiting for sequence numbers that will never come.
 */
import { z } from 'zod';
import { HlcText, SetLogPayload, Ulid } from './ops';

export const PulledPrescription = z.object({
  id: z.number().int(), order: z.number().int(), exerciseId: z.string(), exerciseName: z.string(),
  sets: z.number().int(), repMin: z.number().int(), repMax: z.number().int(), targetRir: z.number(),
  /** kg; null: the member finds the load (calibration). */
  loadKg: z.number().nullable(), restS: z.number().int(), isCalibration: z.boolean(),
});
export const PulledSession = z.object({
  id: z.number().int(), week: z.number().int(), day: z.number().int(), name: z.string(), estimatedMinutes: z.number().int(),
  prescriptions: z.array(PulledPrescription),
});
export const PulledPlan = z.object({
  id: z.number().int(), name: z.string(), approvedAt: z.string(), startsOn: z.string(), daysPerWeek: z.number().int(),
  sessions: z.array(PulledSession),
});
export const PulledClass = z.object({
  occurrenceId: z.number().int(), className: z.string(), startsAt: z.string(), endsAt: z.string(),
  capacity: z.number().int(), booked: z.number().int(), status: z.string(),
});
export const PulledBooking = z.object({
  occurrenceId: z.number().int(), status: z.string(), waitlistPosition: z.number().int().nullable(), queuedAt: z.string(),
});
export const PulledLog = SetLogPayload.extend({ opId: Ulid, hlc: HlcText, deviceName: z.string().nullable() });
export type PulledLog = z.infer<typeof PulledLog>;
export const PulledMember = z.object({
  id: z.number().int(), name: z.string(), preferredUnit: z.enum(['kg', 'lb']), bodyMassKg: z.number().nullable(), nickname: z.string().nullable(),
});
export const PulledRejection = z.object({ id: Ulid, kind: z.string(), reason: z.string(), at: z.string() });

export const PullResponse = z.object({
  reset: z.boolean(),
  cursor: z.number().int(),
  serverHlc: HlcText,
  member: PulledMember,
  plan: PulledPlan.nullable().optional(),
  timetable: z.array(PulledClass).optional(),
  bookings: z.array(PulledBooking).optional(),
  /** Every version of the member's phone-logged sets stored after the cursor (all of them on reset). */
  logs: z.array(PulledLog),
  rejected: z.array(PulledRejection),
});
export type PullResponse = z.infer<typeof PullResponse>;
export type PulledPlan = z.infer<typeof PulledPlan>;
export type PulledClass = z.infer<typeof PulledClass>;
export type PulledBooking = z.infer<typeof PulledBooking>;
export type PulledMember = z.infer<typeof PulledMember>;

export const PairResponse = z.object({
  token: z.string(), deviceId: z.number().int(), memberId: z.number().int(), memberName: z.string(), expiresAt: z.string(),
});
export type PairResponse = z.infer<typeof PairResponse>;
