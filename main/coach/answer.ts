/**
 * The words of an answer: in rules mode a sentence per intent (prompts/v1) then the tools' lines;
 * in model mode the model's text, then the tools' lines. Pending actions are announced, problems
 * with proposed calls are named (they never run).
 */
import type { Intent } from '../../engine/coach/intents';
import { PROMPTS, CURRENT_PROMPT } from '../../engine/coach/prompt';
import type { ClubFacts } from '../../engine/coach/prompt';
import type { ToolOutcome } from './tools';

const P = PROMPTS[CURRENT_PROMPT];

function intro(intent: Intent, club: ClubFacts, problems: readonly string[]): string | null {
  switch (intent) {
    case 'opening_hours': return `Opening hours: ${club.openingHours.length ? club.openingHours.join(', ') : 'not set in the club setup yet'}.`;
    case 'medical': return P.MEDICAL_ANSWER;
    case 'unknown': return P.UNKNOWN_ANSWER;
    case 'book': return problems.length ? `To book it, tell me ${problems.filter((p) => !p.includes(':')).join(' and ')}. What is free:` : null;
    case 'draft_plan': return problems.length ? `To draft a plan, tell me ${problems.filter((p) => !p.includes(':')).join(' and ')}.` : null;
    case 'substitution': return problems.length ? `Which exercise should I replace?` : null;
    default: return null;
  }
}

export function composeAnswer(o: { mode: 'model' | 'rules'; intent: Intent; modelText: string; outcomes: ToolOutcome[]; problems: string[]; club: ClubFacts }): string {
  const parts: string[] = [];
  if (o.mode === 'model') {
    if (o.intent === 'medical') parts.push(P.MEDICAL_ANSWER);
    if (o.modelText.trim()) parts.push(o.modelText);
  } else {
    const first = intro(o.intent, o.club, o.problems);
    if (first) parts.push(first);
  }
  for (const out of o.outcomes) {
    if (out.kind === 'read') parts.push(out.lines.join('\n'));
    else if (out.kind === 'refused') parts.push(out.line);
    else parts.push(`Proposed: ${out.summary}. Confirm or reject it on the card.`);
  }
  const invalid = o.problems.filter((p) => p.includes(':'));
  if (invalid.length) parts.push(`Not run (invalid): ${invalid.join('; ')}.`);
  return parts.join('\n\n') || 'I have nothing to add.';
}
