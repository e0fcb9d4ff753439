/** The messages clients send on the live WebSocket, parsed strictly (bounded sizes, no extra fields). */
import { z } from 'zod';

const OccurrenceId = z.number().int().positive().max(2 ** 31 - 1);
const MemberId = z.number().int().positive().max(2 ** 31 - 1);

/** A sample as a number (phones, the simulator) or as the raw 0x2A37 value in base64 (a strap bridge); exactly one of the two. */
const Sample = z.object({
  type: z.literal('sample'), occurrenceId: OccurrenceId, memberId: MemberId,
  bpm: z.number().finite().optional(), hrm: z.string().min(4).max(64).optional(),
}).strict().refine((m) => (m.bpm === undefined) !== (m.hrm === undefined), { message: 'send either bpm or hrm (base64 0x2A37 bytes)', path: ['bpm'] });

export const ClientMessage = z.union([
  z.object({ type: z.literal('subscribe'), occurrenceId: OccurrenceId }).strict(),
  z.object({ type: z.literal('unsubscribe'), occurrenceId: OccurrenceId }).strict(),
  Sample,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Largest message a client may send, bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
