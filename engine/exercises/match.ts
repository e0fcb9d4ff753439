/**
 * Maps a logged exercise name (e.g. Strong's `Bench Press (Barbell)`) to an exercise of the library.
 *
 * Steps, first hit wins:
 * 1. `exact` / `alias`: the name equals an exercise's name (`exact`) or one of its aliases
 *    (`alias`), ignoring case and surrounding or repeated white space. Score 1.
 * 2. `normalized`: the order-free token keys agree after `names.ts` normalisation (punctuation,
 *    hyphens, plurals, `Chin-Up`/`Chinup`, `Bicep`/`Biceps`, `(Equipment)` written before or after).
 *    Score 0.95.
 * 3. `fuzzy`: MiniSearch (fuzzy + prefix) finds candidate names and aliases; each is re-scored by
 *    a soft Dice similarity of movement words (typos within 1–2 edits and prefixes of ≥ 4 letters
 *    count 0.8). The equipment the name states (`(Dumbbell)`, `Cable ...`) must agree with the
 *    exercise's. Below `FUZZY_THRESHOLD` the result is `null`. Score = similarity × 0.9.
 * On ties at any step, built-in exercises win over user ones, and those over imported ones;
 * then a name hit wins over an alias hit, then library order.
 */
import MiniSearch from 'minisearch';
import type { Equipment, Exercise, ExerciseSource } from '../types';
import { literalKey, normalizedKey, parseStrongName } from './names';

export interface ExerciseMatch {
  exerciseId: string;
  exerciseName: string;
  method: 'exact' | 'alias' | 'normalized' | 'fuzzy';
  /** Confidence in [0, 1]: 1 exact/alias, 0.95 normalized, ≤ 0.9 fuzzy. */
  score: number;
}

/** Lowest movement-word similarity (0–1) a fuzzy candidate needs. */
export const FUZZY_THRESHOLD = 0.65;

const SOURCE_RANK: Readonly<Record<ExerciseSource, number>> = { builtin: 0, user: 1, 'free-exercise-db': 2 };

/** Equipment a stated equipment accepts, e.g. `(Barbell)` also fits an EZ bar. */
const COMPATIBLE: Readonly<Partial<Record<Equipment, readonly Equipment[]>>> = {
  barbell: ['barbell', 'ez_bar'],
  ez_bar: ['ez_bar', 'barbell'],
  machine: ['machine', 'smith_machine'],
  body_only: ['body_only', 'pullup_bar', 'other'],
};

interface Label {
  /** Position of the exercise in the input array. */
  index: number;
  isName: boolean;
  movement: string[];
}

interface Ranked {
  index: number;
  isName: boolean;
  score: number;
}

function better(a: Ranked, b: Ranked, exercises: readonly Exercise[]): boolean {
  if (Math.abs(a.score - b.score) > 1e-9) return a.score > b.score;
  const ra = SOURCE_RANK[exercises[a.index]?.source ?? 'free-exercise-db'];
  const rb = SOURCE_RANK[exercises[b.index]?.source ?? 'free-exercise-db'];
  if (ra !== rb) return ra < rb;
  if (a.isName !== b.isName) return a.isName;
  return a.index < b.index;
}

function best(candidates: readonly Ranked[], exercises: readonly Exercise[]): Ranked | null {
  let top: Ranked | null = null;
  for (const c of candidates) if (top === null || better(c, top, exercises)) top = c;
  return top;
}

function push<K>(map: Map<K, Ranked[]>, key: K, value: Ranked): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}

/** 1 for the same word, 0.8 for a near miss (typo or ≥ 4-letter prefix), else 0. */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a))) return 0.8;
  const allowed = shorter >= 7 ? 2 : shorter >= 4 ? 1 : 0;
  return allowed > 0 && levenshtein(a, b) <= allowed ? 0.8 : 0;
}

/** Soft Dice similarity of two word sets, in [0, 1]. */
export function movementSimilarity(query: readonly string[], label: readonly string[]): number {
  const q = [...new Set(query)];
  const l = [...new Set(label)];
  if (q.length === 0 || l.length === 0) return 0;
  const cover = (from: string[], to: string[]): number =>
    from.reduce((sum, w) => sum + Math.max(0, ...to.map((t) => wordSimilarity(w, t))), 0);
  return (cover(q, l) + cover(l, q)) / (q.length + l.length);
}

function fits(stated: Equipment | null, actual: Equipment): boolean {
  if (stated === null) return true;
  return (COMPATIBLE[stated] ?? [stated]).includes(actual);
}

/**
 * The fuzzy step: MiniSearch retrieves labels sharing (near-)words with the name's movement
 * words, restricted to exercises whose equipment fits what the name states; each is re-scored
 * with `movementSimilarity` and the best at or above `FUZZY_THRESHOLD` wins.
 */
function fuzzyFinder(exercises: readonly Exercise[], labels: readonly Label[]): (name: string) => Ranked | null {
  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => text.split(' ').filter((t) => t.length > 0),
    processTerm: (term) => term,
  });
  search.addAll(labels.map((label, id) => ({ id, text: label.movement.join(' ') })));
  const equipmentOf = (id: unknown): Equipment | undefined => exercises[labels[id as number]?.index ?? -1]?.equipment;
  return (name) => {
    const parsed = parseStrongName(name);
    if (parsed.movement.length === 0) return null;
    const hits = search.search(parsed.movement.join(' '), {
      fuzzy: 0.25, prefix: true, combineWith: 'OR',
      filter: (hit) => {
        const equipment = equipmentOf(hit.id);
        return equipment !== undefined && fits(parsed.equipment, equipment);
      },
    });
    const ranked: Ranked[] = [];
    for (const hit of hits.slice(0, 100)) {
      const label = labels[hit.id as number];
      if (!label) continue;
      const similarity = movementSimilarity(parsed.movement, label.movement);
      if (similarity >= FUZZY_THRESHOLD) ranked.push({ index: label.index, isName: label.isName, score: similarity });
    }
    return best(ranked, exercises);
  };
}

/**
 * Builds a matcher over `exercises` (built-in plus any imported or user ones).
 * Indexing is done once here; each call is then a few map look-ups plus, when needed,
 * one MiniSearch query over names and aliases (well under 1 ms for ~1,100 exercises).
 * @returns a function from a logged name to the best `ExerciseMatch`, or `null` when the name
 *   is empty or nothing is similar enough (e.g. `Zzzz Qqqq`). Never throws.
 */
export function createExerciseMatcher(exercises: readonly Exercise[]): (name: string) => ExerciseMatch | null {
  const literal = new Map<string, Ranked[]>();
  const normalized = new Map<string, Ranked[]>();
  const labels: Label[] = [];
  exercises.forEach((exercise, index) => {
    const texts = [{ text: exercise.name, isName: true }, ...exercise.aliases.map((text) => ({ text, isName: false }))];
    for (const { text, isName } of texts) {
      push(literal, literalKey(text), { index, isName, score: 1 });
      const key = normalizedKey(text);
      if (key !== '') push(normalized, key, { index, isName, score: 0.95 });
      labels.push({ index, isName, movement: parseStrongName(text).movement });
    }
  });
  const fuzzy = fuzzyFinder(exercises, labels);

  const toMatch = (hit: Ranked | null, method: 'literal' | 'normalized' | 'fuzzy'): ExerciseMatch | null => {
    const exercise = hit === null ? undefined : exercises[hit.index];
    if (!exercise || !hit) return null;
    const base = { exerciseId: exercise.id, exerciseName: exercise.name };
    if (method === 'literal') return { ...base, method: hit.isName ? 'exact' : 'alias', score: 1 };
    if (method === 'normalized') return { ...base, method, score: 0.95 };
    return { ...base, method, score: Math.round(hit.score * 0.9 * 1000) / 1000 };
  };

  return (name: string): ExerciseMatch | null => {
    if (typeof name !== 'string' || name.trim() === '') return null;
    const exact = best(literal.get(literalKey(name)) ?? [], exercises);
    if (exact) return toMatch(exact, 'literal');
    const key = normalizedKey(name);
    const norm = key === '' ? null : best(normalized.get(key) ?? [], exercises);
    if (norm) return toMatch(norm, 'normalized');
    return toMatch(fuzzy(name), 'fuzzy');
  };
}
