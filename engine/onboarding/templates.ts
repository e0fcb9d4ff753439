/**
 * Starter templates: 3-day full body, 4-day upper/lower, 5-day push/pull/legs. They reuse the
 * planner's session templates (engine/planner/splits.ts, with its rationale: each muscle about
 * twice a week, Schoenfeld, Ogborn & Krieger 2016; ACSM 2009 for the beginner rotations).
 *
 * Chosen from days per week: 2–3 → full body (2 days: A/B), 4 → upper/lower, 5–6 → push/pull/legs
 * (6 days: P/P/L twice). A trainer's override (`questionnaire.template`) runs the template at its
 * own day count (3, 4 or 5), noted in the result.
 */
import {
  FULL_BODY_A, FULL_BODY_B, FULL_BODY_C, LEGS, LOWER_A, LOWER_B, PULL, PUSH, UPPER_A, UPPER_B,
} from '../planner/splits';
import type { SessionTemplate, SplitChoice } from '../planner/splits';
import type { TemplateKey } from './questionnaire';

export interface StarterTemplate {
  key: TemplateKey;
  name: string;
  /** The template's own day count. */
  days: number;
}

export const STARTER_TEMPLATES: Readonly<Record<TemplateKey, StarterTemplate>> = {
  full_body_3: { key: 'full_body_3', name: '3-day full body', days: 3 },
  upper_lower_4: { key: 'upper_lower_4', name: '4-day upper/lower', days: 4 },
  push_pull_legs_5: { key: 'push_pull_legs_5', name: '5-day push/pull/legs', days: 5 },
};

const UPPER: SessionTemplate = { ...UPPER_A, key: 'upper', name: 'Upper' };
const LOWER: SessionTemplate = { ...LOWER_B, key: 'lower', name: 'Lower' };

/** The template for `daysPerWeek` (2–6) when the trainer does not override it. */
export function templateForDays(daysPerWeek: number): TemplateKey {
  if (daysPerWeek <= 3) return 'full_body_3';
  if (daysPerWeek === 4) return 'upper_lower_4';
  return 'push_pull_legs_5';
}

/** The sessions of `key` for `days` days (see the header); throws `RangeError` outside 2–6. */
export function templateSplit(key: TemplateKey, days: number): SplitChoice {
  if (!Number.isInteger(days) || days < 2 || days > 6) throw new RangeError(`days must be 2–6, got ${String(days)}`);
  const name = STARTER_TEMPLATES[key].name;
  switch (key) {
    case 'full_body_3': {
      const all = [FULL_BODY_A, FULL_BODY_B, FULL_BODY_C];
      const sessions = Array.from({ length: days }, (_, i) => all[i % 3]!);
      return { split: 'full_body', days: sessions, reason: `Starter template ${name} on ${String(days)} days: every session trains the whole body.` };
    }
    case 'upper_lower_4': {
      const all = [UPPER_A, LOWER_A, UPPER_B, LOWER_B];
      const sessions = Array.from({ length: days }, (_, i) => all[i % 4]!);
      return { split: 'upper_lower', days: sessions, reason: `Starter template ${name} on ${String(days)} days: each muscle about twice a week.` };
    }
    case 'push_pull_legs_5': {
      const all = days === 6 ? [PUSH, PULL, LEGS, PUSH, PULL, LEGS] : [PUSH, PULL, LEGS, UPPER, LOWER];
      const sessions = all.slice(0, days);
      return { split: 'push_pull_legs', days: sessions, reason: `Starter template ${name} on ${String(days)} days${days === 6 ? ' (push/pull/legs twice)' : ' (push, pull, legs, then upper and lower)'}.` };
    }
  }
}
