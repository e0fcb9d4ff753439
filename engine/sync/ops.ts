/**
 * The operations a member's phone sends (sync protocol v1), as zod schemas: the single source of
 * the server's validation, the client's types and the OpenAPI document.
 *
 * Every operation carries `id` (a ULID the phone makes once, the exactly-once key), `hlc` (the
 * phone's hybrid logical clock at the time, see `hlc.ts`) and a `kind` with its `payload`.
 * Units: loads in kg, durations in s, instants ISO-8601 UTC. Bounds are strict and small so a
 * hostile body cannot make the studio store much.
 */
import { z } from 'zod';
import { HLC_PATTERN } from './hlc';

/** A ULID: 26 Crockford base-32 characters, the first 10 the creation time. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
export const HlcText = z.string().max(60).regex(HLC_PATTERN, 'must be an HLC stamp');
const Instant = z.iso.datetime({ offset: false }).max(40);
const Rating = z.number().int().min(1, 'must be 1–10').max(10, 'must be 1–10');
const DbId = z.number().int().min(1).max(2 ** 31);

/** One logged set, or a newer version of it (same `logId`, later `hlc`): append-only. */
export const SetLogPayload = z.object({
  logId: Ulid,
  sessionId: Ulid,
  planSessionId: DbId.nullable(),
  prescriptionId: DbId.nullable(),
  exerciseId: z.string().min(1).max(120),
  /** 1-based number of the set within its prescription (or exercise). */
  setNumber: z.number().int().min(1).max(50),
  loadKg: z.number().min(0).max(1000),
  reps: z.number().int().min(0).max(200),
  rir: z.number().min(0).max(10).nullable(),
  note: z.string().max(500),
  performedAt: Instant,
  /** A version that withdraws the set (logged by mistake); history keeps the earlier versions. */
  voided: z.boolean().default(false),
}).strict();

export const SessionStartPayload = z.object({
  sessionId: Ulid, planSessionId: DbId.nullable(), name: z.string().min(1).max(120), startedAt: Instant,
}).strict();
export const SessionFinishPayload = z.object({ sessionId: Ulid, finishedAt: Instant }).strict();

export const CheckInPayload = z.object({
  at: Instant, sleep: Rating, fatigue: Rating, soreness: Rating, energy: Rating,
  painReported: z.boolean(), painNote: z.string().max(500).nullable(), illness: z.boolean(),
}).strict();

export const FeedbackPayload = z.object({
  recommendationId: DbId, action: z.enum(['accepted', 'modified', 'skipped']),
  difficulty: Rating, effectiveness: Rating, perceivedExertion: Rating, formQuality: Rating,
  notes: z.string().max(2000).optional(),
}).strict();

export const BookingPayload = z.object({ occurrenceId: DbId }).strict();
export const CancelBookingPayload = z.object({ occurrenceId: DbId }).strict();

/** The member's own editable fields; each merges separately, last writer (by HLC) wins. */
export const MEMBER_EDITABLE_FIELDS = ['preferredUnit', 'bodyMassKg', 'nickname'] as const;
export type MemberEditableField = (typeof MEMBER_EDITABLE_FIELDS)[number];
export const MemberUpdatePayload = z.object({
  preferredUnit: z.enum(['kg', 'lb']).optional(),
  bodyMassKg: z.number().min(20).max(400).nullable().optional(),
  nickname: z.string().trim().min(1).max(40).nullable().optional(),
}).strict().refine((p) => Object.keys(p).length > 0, 'change at least one field');

export const OP_PAYLOADS = {
  'set.log': SetLogPayload,
  'session.start': SessionStartPayload,
  'session.finish': SessionFinishPayload,
  'checkin': CheckInPayload,
  'feedback': FeedbackPayload,
  'booking.book': BookingPayload,
  'booking.cancel': CancelBookingPayload,
  'member.update': MemberUpdatePayload,
} as const;
export type OpKind = keyof typeof OP_PAYLOADS;
export const OP_KINDS = Object.keys(OP_PAYLOADS) as OpKind[];

/** The envelope every operation shares; the payload is checked per kind (a bad one is rejected, not the batch). */
export const OpEnvelope = z.object({
  id: Ulid, hlc: HlcText, kind: z.string().min(1).max(40), payload: z.unknown(),
}).strict();
export type OpEnvelope = z.infer<typeof OpEnvelope>;

export type SyncOp = { [K in OpKind]: { id: string; hlc: string; kind: K; payload: z.infer<(typeof OP_PAYLOADS)[K]> } }[OpKind];
export type OpOf<K extends OpKind> = Extract<SyncOp, { kind: K }>;
export type OpPayloadInput<K extends OpKind> = z.input<(typeof OP_PAYLOADS)[K]>;

/** At most this many operations per push (a week offline is ~200 sets: one or two pushes). */
export const MAX_OPS_PER_PUSH = 250;

/** Validates one envelope's payload for its kind: the typed op, or the reason it is rejected. */
export function validateOp(env: OpEnvelope): { ok: true; op: SyncOp } | { ok: false; reason: string } {
  if (!Object.hasOwn(OP_PAYLOADS, env.kind)) return { ok: false, reason: `unknown operation kind "${env.kind.slice(0, 40)}"` };
  const schema = OP_PAYLOADS[env.kind as OpKind] as z.ZodType;
  const parsed = schema.safeParse(env.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${env.kind}: ${issue.path.join('.') || 'payload'} ${issue.message}`.slice(0, 300) };
  }
  return { ok: true, op: { id: env.id, hlc: env.hlc, kind: env.kind, payload: parsed.data } as SyncOp };
}

/** The body of `POST /sync/v1/push`. `pending`: how many operations the phone still holds unsent. */
export const PushRequest = z.object({
  ops: z.array(OpEnvelope).min(1).max(MAX_OPS_PER_PUSH),
  pending: z.number().int().min(0).max(1_000_000).default(0),
}).strict();

/** One acknowledgement per pushed op: `applied` (now or before, `duplicate`), or `rejected` with why. */
export const OpAck = z.object({
  id: Ulid,
  status: z.enum(['applied', 'rejected']),
  duplicate: z.boolean(),
  reason: z.string().nullable(),
  /** For people: e.g. "Yoga is full: you are 2nd on the waitlist". */
  message: z.string().nullable(),
});
export type OpAck = z.infer<typeof OpAck>;
export const PushResponse = z.object({ acks: z.array(OpAck), cursor: z.number().int(), serverHlc: HlcText });
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.object({ cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict();
export const PairRequest = z.object({ code: z.string().regex(/^[A-Z0-9]{8}$/, 'must be the 8-character pairing code'), deviceName: z.string().trim().min(1).max(60) }).strict();
