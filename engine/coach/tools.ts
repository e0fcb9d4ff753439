/**
 * The coach's tools: one zod schema per tool (what our code accepts, checked before anything
 * runs), the same shape as a JSON schema for the model (node-llama-cpp's GBNF subset: no
 * patterns, so dates and times are checked by zod afterwards), and whether a tool writes.
 * A writing tool never runs when proposed: it becomes a pending action a staff member confirms.
 *
 * Dates are club-local `YYYY-MM-DD`, times club-local `HH:MM`; names (trainer, class, exercise) are
 * resolved to ids by the host.
 */
import { z } from 'zod';
import { EQUIPMENT, GOALS, LEVELS } from '../exercises/vocabulary';

const LocalDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date YYYY-MM-DD');
const LocalTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time HH:MM');
const Name = z.string().trim().min(1).max(120);

export const TOOL_SCHEMAS = {
  check_availability: z.object({
    kind: z.enum(['pt', 'class', 'any']).default('any'),
    date: LocalDate.optional(),
    fromTime: LocalTime.optional(),
    toTime: LocalTime.optional(),
    days: z.number().int().min(1).max(14).default(1),
    trainer: Name.optional(),
    classType: Name.optional(),
  }).strict(),
  schedule_appointment: z.object({
    kind: z.enum(['pt', 'class']),
    date: LocalDate,
    time: LocalTime,
    minutes: z.number().int().min(15).max(180).default(60),
    trainer: Name.optional(),
    classType: Name.optional(),
  }).strict().refine((a) => a.kind === 'pt' || a.classType !== undefined, { message: 'a class booking names the class', path: ['classType'] }),
  get_member_plan: z.object({ week: z.number().int().min(1).max(12).optional() }).strict(),
  get_member_progress: z.object({}).strict(),
  suggest_substitution: z.object({ exercise: Name, reason: z.string().trim().max(200).optional() }).strict(),
  log_feedback: z.object({ text: z.string().trim().min(1).max(1000), rating: z.number().int().min(1).max(10).optional() }).strict(),
  explain_recommendation: z.object({ exercise: Name.optional() }).strict(),
  draft_plan: z.object({
    daysPerWeek: z.number().int().min(2).max(6),
    weeks: z.number().int().min(1).max(12).default(4),
    level: z.enum(LEVELS).optional(),
    goal: z.enum(GOALS).optional(),
    avoidEquipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).default([]),
  }).strict(),
} as const;

export type ToolName = keyof typeof TOOL_SCHEMAS;
export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as ToolName[];
export type ToolArgs<N extends ToolName> = z.output<(typeof TOOL_SCHEMAS)[N]>;

/** Tools that change something: proposed as pending actions, applied only after a confirmation. */
export const WRITING_TOOLS: ReadonlySet<ToolName> = new Set(['schedule_appointment', 'log_feedback', 'draft_plan']);

export interface ToolCall { tool: ToolName; args: Record<string, unknown> }

export type ToolCheck = { ok: true; call: ToolCall } | { ok: false; tool: string; problem: string };

/** Validates a proposed call (from the model or the rules): the tool exists and its arguments parse. */
export function checkToolCall(tool: string, args: unknown): ToolCheck {
  if (!Object.hasOwn(TOOL_SCHEMAS, tool)) return { ok: false, tool, problem: `there is no tool "${tool.slice(0, 60)}"` };
  const parsed = TOOL_SCHEMAS[tool as ToolName].safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, tool, problem: `${issue.path.join('.') || 'arguments'}: ${issue.message}` };
  }
  return { ok: true, call: { tool: tool as ToolName, args: parsed.data as Record<string, unknown> } };
}

type Json = Record<string, unknown>;
const str = (description: string): Json => ({ type: 'string', description });

/** What the model is told each function does and takes (the GBNF JSON-schema subset). */
export const TOOL_DEFINITIONS: Record<Exclude<ToolName, 'draft_plan'>, { description: string; params: Json }> = {
  check_availability: {
    description: 'Free personal-training slots and classes with free places in a range of club-local days.',
    params: { type: 'object', properties: { kind: { enum: ['pt', 'class', 'any'] }, date: str('YYYY-MM-DD'), fromTime: str('HH:MM'), toTime: str('HH:MM'), days: { type: 'integer' }, trainer: str('trainer name'), classType: str('class name') }, required: ['kind'] },
  },
  schedule_appointment: {
    description: 'Propose a PT session or a class booking for the member; staff confirm it before it is made.',
    params: { type: 'object', properties: { kind: { enum: ['pt', 'class'] }, date: str('YYYY-MM-DD'), time: str('HH:MM'), minutes: { type: 'integer' }, trainer: str('trainer name'), classType: str('class name') }, required: ['kind', 'date', 'time'] },
  },
  get_member_plan: { description: "The member's active plan (a week of it).", params: { type: 'object', properties: { week: { type: 'integer' } } } },
  get_member_progress: { description: "The member's e1RM trend on their main lifts and recent sessions.", params: { type: 'object', properties: {} } },
  suggest_substitution: {
    description: "Exercises that can replace one, within the member's exclusions and the safety rules.",
    params: { type: 'object', properties: { exercise: str('exercise name'), reason: str('why') }, required: ['exercise'] },
  },
  log_feedback: { description: "Propose a note of the member's feedback; staff confirm it.", params: { type: 'object', properties: { text: str('the feedback'), rating: { type: 'integer' } }, required: ['text'] } },
  explain_recommendation: { description: 'Why the latest recommendation for an exercise says what it says.', params: { type: 'object', properties: { exercise: str('exercise name') } } },
};
