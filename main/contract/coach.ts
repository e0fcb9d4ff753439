/**
 * The coach's part of the API contract (issue 13): status and models, the conversation per member
 * and staff member, asking (streamed as progress events), deciding pending actions, and the
 * writes the coach proposes: PT appointments and member feedback (class bookings and plan drafts
 * go through `classes/book` and `plans/generate`). Spread into `contract` in index.ts.
 */
import { z } from 'zod';
import { MANAGERS, op, STAFF_ONLY } from './op';
import { Id, IsoDate, MemberId } from './schemas';
import type * as C from './coach-views';

const every = STAFF_ONLY;
const Instant = z.iso.datetime({ offset: true, message: 'an ISO-8601 date and time' });

export const coachContract = {
  'coach/status': op<C.CoachStatusView>()({
    input: z.object({}).strict(),
    access: every,
    summary: 'The coach mode (model NAME or rules), the loaded model with load time and tokens/s, a load under way, the last load error.',
  }),
  'coach/models': op<C.CoachModelsView>()({
    input: z.object({}).strict(),
    access: every,
    summary: 'The GGUF models in the models folder beside the database: name, size, quantisation from the header, or the problem.',
  }),
  'coach/load-model': op<C.CoachStatusView>()({
    input: z.object({
      /** A file in the models folder, or an absolute path chosen in Settings. */
      path: z.string().trim().min(1).max(1000),
      maxTokens: z.number().int().min(8).max(4096).optional(),
    }).strict(),
    access: MANAGERS,
    reportsProgress: true,
    summary: 'Load a GGUF model into the inference worker (progress 0–1); a bad file leaves the coach in rules mode with the error named.',
  }),
  'coach/unload-model': op<C.CoachStatusView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: 'Unload the model: the coach goes back to rules mode.',
  }),
  'coach/conversation': op<C.CoachConversationView>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: "The caller's conversation with the coach about a member: messages, sources and the actions proposed.",
  }),
  'coach/ask': op<C.CoachAnswerView>()({
    input: z.object({
      memberId: MemberId,
      text: z.string().trim().min(1, 'type a question').max(2000),
      /** Answer and propose, but store nothing and create no pending action (the CLI's `coach ask`). */
      dryRun: z.boolean().default(false),
    }).strict(),
    access: every,
    ownedBy: 'memberId',
    reportsProgress: true,
    summary: 'Ask the coach about a member: the answer streams as progress events (message = text chunk); read-only tools run, writes become pending actions.',
  }),
  'coach/decide': op<C.CoachActionView>()({
    input: z.object({ actionId: Id, decision: z.enum(['confirm', 'reject']) }).strict(),
    access: every,
    ownedBy: 'actionId',
    summary: "Confirm (apply through its operation, with the confirmer's access) or reject a pending action; both are audited.",
  }),
  'appointments/book': op<C.PtAppointmentView>()({
    input: z.object({
      memberId: MemberId,
      trainerId: z.string().trim().min(1).max(120),
      startsAt: Instant,
      minutes: z.number().int().min(15).max(180).default(60),
      source: z.enum(['front_desk', 'coach']).default('front_desk'),
    }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: "Book a PT session with a club trainer; refused outside the trainer's hours and opening hours, in the past, or over another session or class.",
  }),
  'appointments/list': op<C.PtAppointmentView[]>()({
    input: z.object({ memberId: MemberId.optional(), from: IsoDate.optional(), days: z.number().int().min(1).max(62).default(14) }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: 'PT appointments from a date (default today) for some days, of one member or all.',
  }),
  'members/feedback': op<C.MemberFeedbackView>()({
    input: z.object({ memberId: MemberId, text: z.string().trim().min(1).max(1000), rating: z.number().int().min(1).max(10).optional(), source: z.enum(['front_desk', 'coach']).default('front_desk') }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: "Note feedback about a member's training (1–10 rating optional).",
  }),
} as const;
