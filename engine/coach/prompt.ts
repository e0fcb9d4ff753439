/**
 * Prompt assembly: the versioned system prompt, then the member's facts (profile, exclusions,
 * active plan, recent sessions and check-ins, RIR bias), the club's facts (opening hours, classes,
 * trainers), and the retrieved passages with their ids, within the token budget of retrieval.
 */
import * as v1 from './prompts/v1';
import type { Passage } from './retrieval';
import { estimateTokens } from './text';

export const PROMPTS = { v1 } as const;
export type PromptVersion = keyof typeof PROMPTS;
export const CURRENT_PROMPT: PromptVersion = 'v1';

export interface MemberFacts {
  name: string;
  goal: string;
  level: string;
  /** Excluded muscles, patterns and exercises, and injuries noted. */
  exclusions: string[];
  activePlan: string | null;
  recentSessions: string[];
  recentCheckIns: string[];
  /** The member's learnt RIR bias in reps (positive: reports more in reserve than they have), null when unknown. */
  rirBiasReps: number | null;
}

export interface ClubFacts {
  /** "Mon 06:00–22:00", one per opening window. */
  openingHours: string[];
  classes: string[];
  trainers: string[];
}

export interface AssembledPrompt { version: PromptVersion; system: string; tokens: number }

export function memberFactsText(m: MemberFacts): string {
  const lines = [
    `Member: ${m.name}; goal ${m.goal.replace('_', ' ')}; level ${m.level}.`,
    `Exclusions: ${m.exclusions.length ? m.exclusions.join(', ') : 'none'}.`,
    `Active plan: ${m.activePlan ?? 'none'}.`,
    `RIR bias: ${m.rirBiasReps === null ? 'unknown' : `${m.rirBiasReps > 0 ? '+' : ''}${m.rirBiasReps.toFixed(1)} reps`}.`,
  ];
  if (m.recentSessions.length) lines.push(`Recent sessions: ${m.recentSessions.join(' | ')}.`);
  if (m.recentCheckIns.length) lines.push(`Recent check-ins: ${m.recentCheckIns.join(' | ')}.`);
  return lines.join('\n');
}

export function clubFactsText(c: ClubFacts): string {
  return [
    `Opening hours: ${c.openingHours.length ? c.openingHours.join(', ') : 'not set'}.`,
    `Classes: ${c.classes.length ? c.classes.join(', ') : 'none'}.`,
    `Trainers: ${c.trainers.length ? c.trainers.join(', ') : 'none'}.`,
  ].join('\n');
}

/** The system prompt for one message. `today` is the club-local date and weekday, e.g. "Fri 2026-12-04". */
export function assemblePrompt(input: { member: MemberFacts; club: ClubFacts; passages: readonly Passage[]; today: string; version?: PromptVersion }): AssembledPrompt {
  const version = input.version ?? CURRENT_PROMPT;
  const passages = input.passages.map((p) => `[${p.id}] ${p.title}: ${p.text}`).join('\n');
  const system = `${PROMPTS[version].SYSTEM}\n\nToday at the club: ${input.today}.\n\n${memberFactsText(input.member)}\n\n${clubFactsText(input.club)}\n\nPassages:\n${passages || '(none)'}`;
  return { version, system, tokens: estimateTokens(system) };
}
