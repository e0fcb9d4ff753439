/**
 * Retrieval for the coach: BM25 (MiniSearch's scoring, a BM25+ variant) over the exercise library
 * (names, aliases, muscles, equipment, instructions), the member's plan and history, and the club's
 * notes and policies. The best passages go into the prompt until a token budget is spent, and each
 * one used is listed as a source. The library index is built once per library (about 873 + built-in
 * exercises) and reused; the member's and the club's passages are few and indexed per message.
 */
import MiniSearch from 'minisearch';
import type { Exercise } from '../types';
import { estimateTokens } from './text';

export const PASSAGE_KINDS = ['exercise', 'member', 'plan', 'history', 'checkin', 'recommendation', 'club', 'policy'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** One retrievable piece of text. `id` is stable across messages, e.g. `exercise:barbell-back-squat`. */
export interface Passage { id: string; kind: PassageKind; title: string; text: string }

/** What an answer used, as the UI lists it. */
export interface Source { id: string; kind: PassageKind; title: string }

export interface Retrieved {
  passages: Passage[];
  sources: Source[];
  /** Estimated prompt tokens of the chosen passages (text.ts: 1 per 4 characters). */
  tokens: number;
}

/** Words that carry no meaning for retrieval (English function words and front-desk filler). */
const STOPWORDS = new Set(('a an and are as at be but by can could do does did for from has have he her him his how i if in into is it its '
  + 'me my no not of on or our she so some that the their them then there they this to up us was we what when which who why will with '
  + 'would you your please just about any get got let make need one want').split(' '));

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return t.length < 2 || STOPWORDS.has(t) ? null : t;
};

const OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['id'],
  processTerm,
  searchOptions: { boost: { title: 2 }, prefix: (term: string) => term.length >= 5, fuzzy: (term: string) => (term.length >= 8 ? 1 : false), maxFuzzy: 1, combineWith: 'OR' as const },
};

export interface LibraryIndex { search: MiniSearch<Passage>; byId: Map<string, Passage>; size: number }

/**
 * The passage of one exercise: its name, aliases, pattern, muscles, equipment and first instructions.
 * Level and mechanic are left out: "beginner" or "compound" would match half the library and make
 * every such query score hundreds of passages.
 */
export function exercisePassage(e: Exercise): Passage {
  const muscles = [...e.primaryMuscles, ...e.secondaryMuscles].join(', ').replace(/_/g, ' ');
  const aliases = e.aliases.filter((a) => a !== e.name).slice(0, 3);
  return {
    id: `exercise:${e.id}`, kind: 'exercise', title: e.name,
    text: `${aliases.length ? `Also: ${aliases.join('; ')}. ` : ''}${e.pattern.replace(/_/g, ' ')}; equipment ${e.equipment.replace(/_/g, ' ')}; muscles ${muscles}. ${e.instructions.slice(0, 2).join(' ')}`.slice(0, 600),
  };
}

const cache = new WeakMap<readonly Exercise[], LibraryIndex>();

/** The BM25 index of a library (cached per array: pass the same array to reuse it). */
export function libraryIndex(library: readonly Exercise[]): LibraryIndex {
  const hit = cache.get(library);
  if (hit) return hit;
  const passages = library.map(exercisePassage);
  const search = new MiniSearch<Passage>(OPTIONS);
  search.addAll(passages);
  const index = { search, byId: new Map(passages.map((p) => [p.id, p])), size: passages.length };
  cache.set(library, index);
  return index;
}

export interface RetrieveOptions {
  library: LibraryIndex;
  /** The member's and the club's passages for this message. */
  context: readonly Passage[];
  /** Most tokens the passages may take (default 700). */
  tokenBudget?: number;
  /** Most passages (default 8). */
  limit?: number;
  /** Passages always included first (e.g. the member's profile), within the budget. */
  pinned?: readonly Passage[];
}

/**
 * The passages for `query`, best first, within the budget. Member and club passages score ×1.5 (each index scaled by its best hit)
 * against library ones: for a question about a member, their own facts matter most.
 */
export function retrieve(query: string, o: RetrieveOptions): Retrieved {
  const budget = o.tokenBudget ?? 700;
  const limit = o.limit ?? 8;
  const local = new MiniSearch<Passage>(OPTIONS);
  local.addAll(o.context);
  const localById = new Map(o.context.map((p) => [p.id, p]));
  // Each index's scores are scaled by its own best (BM25 scores of a 3-passage and a 1000-passage
  // index are not comparable), then the member and club passages count ×1.5.
  const localHits = local.search(query);
  const libraryHits = o.library.search.search(query).slice(0, 40);
  const localTop = localHits[0]?.score ?? 1;
  const libraryTop = libraryHits[0]?.score ?? 1;
  const scored = [
    ...localHits.map((r) => ({ p: localById.get(r.id as string)!, score: (1.5 * r.score) / localTop })),
    ...libraryHits.map((r) => ({ p: o.library.byId.get(r.id as string)!, score: r.score / libraryTop })),
  ].sort((a, b) => b.score - a.score || a.p.id.localeCompare(b.p.id));
  const chosen: Passage[] = [];
  const seen = new Set<string>();
  let tokens = 0;
  for (const p of [...(o.pinned ?? []), ...scored.map((s) => s.p)]) {
    if (seen.has(p.id) || chosen.length >= limit) continue;
    const cost = estimateTokens(`${p.title}: ${p.text}`);
    if (tokens + cost > budget) continue;
    seen.add(p.id);
    chosen.push(p);
    tokens += cost;
  }
  return { passages: chosen, sources: chosen.map(({ id, kind, title }) => ({ id, kind, title })), tokens };
}
