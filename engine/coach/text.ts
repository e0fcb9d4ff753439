/**
 * Text helpers of the rules-mode coach: lower-casing, tokenising, and correcting typos against a
 * known vocabulary by Damerau–Levenshtein distance (optimal string alignment): one edit for words
 * of 4–6 letters, two from 7 on; shorter words must match exactly.
 */

/** Optimal-string-alignment distance (insert, delete, substitute, swap of neighbours), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits a word of this length may be away from a vocabulary word. */
export function allowedEdits(length: number): number {
  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}

/** Lower-cased words and numbers with their punctuation kept where it carries meaning (`6:30`, `6pm`). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/'s\b/g, '').match(/[0-9]+[./][0-9]+(?:am|pm)?|[a-z0-9]+(?::[0-9]{2})?(?:am|pm)?/g) ?? [];
}

/**
 * Replaces each token by the closest vocabulary word within its allowed edits (the token itself when
 * it is a vocabulary word, a number, or nothing is near).
 */
/** Misspellings too short for the edit-distance rule that staff type often. */
const SHORT_TYPOS: Record<string, string> = { bok: 'book', boo: 'book', tmrw: 'tomorrow', tmr: 'tomorrow', wk: 'week', pls: 'please', sesh: 'session' };

export function correctTokens(tokens: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  return tokens.map((t) => {
    if (SHORT_TYPOS[t]) return SHORT_TYPOS[t];
    if (vocabulary.has(t) || /[0-9]/.test(t)) return t;
    const max = allowedEdits(t.length);
    if (max === 0) return t;
    let best = t;
    let bestD = max + 1;
    for (const v of vocabulary) {
      if (Math.abs(v.length - t.length) > max || v[0] !== t[0] && max < 2) continue;
      const dist = editDistance(t, v, max);
      if (dist < bestD) { best = v; bestD = dist; }
    }
    return best;
  });
}

/** True when `phrase` (space-separated words) occurs in `tokens` as consecutive words. */
export function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  const words = phrase.split(' ');
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let k = 0; k < words.length; k++) if (tokens[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

/** The rough token count of a text for prompt budgets: 1 token per 4 characters (rounded up). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
