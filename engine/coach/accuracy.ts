/** Scores the rules-mode parser on labelled requests: intent, first tool and its arguments must all match. */
import { parseRequest, type ClubVocabulary } from './intents';
import type { LabelledRequest } from './requests.fixture';

export interface AccuracyReport { total: number; correct: number; accuracy: number; misses: Array<{ text: string; why: string }> }

function contains(actual: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v));
}

export function rulesAccuracy(requests: readonly LabelledRequest[], club: ClubVocabulary): AccuracyReport {
  const misses: AccuracyReport['misses'] = [];
  for (const r of requests) {
    const got = parseRequest(r.text, club);
    const first = got.toolCalls[0] ?? null;
    let why = '';
    if (got.intent !== r.intent) why = `intent ${got.intent}, expected ${r.intent}`;
    else if ((first?.tool ?? null) !== r.tool) why = `tool ${first?.tool ?? 'none'}, expected ${r.tool ?? 'none'}`;
    else if (first && r.args && !contains(first.args, r.args)) why = `args ${JSON.stringify(first.args)}, expected ${JSON.stringify(r.args)}`;
    if (why) misses.push({ text: r.text, why });
  }
  const correct = requests.length - misses.length;
  return { total: requests.length, correct, accuracy: requests.length ? correct / requests.length : 0, misses };
}
