/**
 * The plan request a model writes for "Make Sara a 3-day beginner plan, no barbell": a JSON schema
 * for `llama.createGrammarForJsonSchema` (every field an enum, so grammar-constrained output is
 * always in range once it closes), and the check of what came back by the `draft_plan` tool's zod
 * schema. The planner then makes the plan; nothing here plans.
 */
import { EQUIPMENT, GOALS, LEVELS } from '../exercises/vocabulary';
import { checkToolCall, type ToolCall } from './tools';

export const PLAN_REQUEST_JSON_SCHEMA = {
  type: 'object',
  properties: {
    daysPerWeek: { enum: [2, 3, 4, 5, 6] },
    weeks: { enum: [1, 2, 3, 4, 5, 6, 8, 10, 12] },
    level: { enum: [...LEVELS] },
    goal: { enum: [...GOALS] },
    avoidEquipment: { type: 'array', items: { enum: [...EQUIPMENT] }, maxItems: 4 },
  },
  required: ['daysPerWeek', 'weeks', 'level', 'goal', 'avoidEquipment'],
} as const;

export type PlanRequestCheck = { ok: true; call: ToolCall } | { ok: false; problem: string };

/** Parses the model's text as a plan request: JSON, then the `draft_plan` schema (duplicates dropped). */
export function parsePlanRequest(text: string): PlanRequestCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `the model's plan request is not JSON (${text.slice(0, 80)})` };
  }
  if (value && typeof value === 'object' && Array.isArray((value as { avoidEquipment?: unknown }).avoidEquipment)) {
    const v = value as { avoidEquipment: unknown[] };
    v.avoidEquipment = [...new Set(v.avoidEquipment)];
  }
  const checked = checkToolCall('draft_plan', value);
  return checked.ok ? { ok: true, call: checked.call } : { ok: false, problem: `the model's plan request is invalid: ${checked.problem}` };
}
