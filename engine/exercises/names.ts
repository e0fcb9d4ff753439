/**
 * Exercise-name normalisation shared by the matcher: case, punctuation, hyphens, plurals,
 * common abbreviations, and Strong's `Name (Equipment)` form.
 *
 * `Chin-Up`, `chin up` and `Chinups` all give the tokens `["chinup"]`;
 * `Bench Press (Barbell)` and `Barbell Bench Press` give the same `normalizedKey`.
 * Pure functions, no I/O.
 */
import type { Equipment } from '../types';

const STOP_WORDS = new Set(['the', 'a', 'an', 'with', 'w', 'on', 'of']);

/** Whole-token rewrites applied after plurals are removed. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  db: ['dumbbell'], dumbell: ['dumbbell'], bb: ['barbell'], kb: ['kettlebell'], bw: ['bodyweight'],
  ups: ['up'], flye: ['fly'], calve: ['calf'], rdl: ['romanian', 'deadlift'], sldl: ['stiff', 'leg', 'deadlift'],
  ohp: ['overhead', 'press'], legged: ['leg'], hyperextension: ['back', 'extension'], skullcrusher: ['skullcrusher'],
};

/** Adjacent-token rewrites (after synonyms), so `Chin-Up` and `Chinup` agree. */
const COMPOUNDS: ReadonlyArray<[string, string, readonly string[]]> = [
  ['pull', 'up', ['pullup']], ['chin', 'up', ['chinup']], ['push', 'up', ['pushup']], ['sit', 'up', ['situp']],
  ['pull', 'down', ['pulldown']], ['push', 'down', ['pushdown']], ['step', 'up', ['stepup']],
  ['skull', 'crusher', ['skullcrusher']], ['t', 'bar', ['tbar']], ['e', 'z', ['ez']], ['kettle', 'bell', ['kettlebell']],
  ['dumb', 'bell', ['dumbbell']], ['over', 'head', ['overhead']], ['wood', 'chop', ['woodchop']],
  ['body', 'weight', ['bodyweight']], ['body', 'only', ['bodyweight']], ['one', 'arm', ['single', 'arm']],
  ['1', 'arm', ['single', 'arm']], ['one', 'leg', ['single', 'leg']], ['1', 'leg', ['single', 'leg']],
  ['hex', 'bar', ['trap', 'bar']], ['pec', 'deck', ['pecdeck']],
];

/** `presses` → `press`, `crunches` → `crunch`, `flies` → `fly`, `curls` → `curl`; short words and `-ss` kept. */
export function singular(token: string): string {
  if (/(ss|ch|sh|x)es$/.test(token) && token.length > 4) return token.slice(0, -2);
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && token.length > 3) return token.slice(0, -1);
  return token;
}

/**
 * Normalised tokens of a name: lower case, accents and apostrophes removed, every other
 * non-alphanumeric character a separator, plurals singular, abbreviations expanded,
 * compounds joined (`pull up` → `pullup`), stop words (`the`, `with`, ...) dropped.
 * Parentheses are treated like any other punctuation here; see `parseStrongName`.
 */
export function nameTokens(name: string): string[] {
  const raw = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
  const expanded = raw.flatMap((t) => {
    const s = singular(t);
    return Object.hasOwn(SYNONYMS, s) ? [...(SYNONYMS[s] ?? [])] : [s];
  });
  const joined: string[] = [];
  for (let i = 0; i < expanded.length; i += 1) {
    const here = expanded[i] ?? '';
    const next = expanded[i + 1];
    const compound = next === undefined ? undefined : COMPOUNDS.find(([a, b]) => a === here && b === next);
    if (compound) {
      joined.push(...compound[2]);
      i += 1;
    } else {
      joined.push(here);
    }
  }
  return joined.filter((t) => !STOP_WORDS.has(t));
}

/** Order-free key of a name: its tokens sorted and joined by one space (`barbell bench press`). */
export function normalizedKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

/** Case-, space- and edge-insensitive form for the exact and alias steps. */
export function literalKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Single tokens (after `nameTokens`) that name equipment. */
const EQUIPMENT_TOKENS: ReadonlyMap<string, Equipment> = new Map<string, Equipment>([
  ['barbell', 'barbell'], ['dumbbell', 'dumbbell'], ['kettlebell', 'kettlebell'], ['cable', 'cable'],
  ['pulley', 'cable'], ['machine', 'machine'], ['lever', 'machine'], ['leverage', 'machine'],
  ['assisted', 'machine'], ['loaded', 'machine'], ['smith', 'smith_machine'], ['ez', 'ez_bar'],
  ['band', 'bands'], ['bodyweight', 'body_only'],
]);

/** Tokens that are part of an equipment phrase but say nothing about the movement. */
const EQUIPMENT_FILLER = new Set(['bar', 'plate', 'loaded', 'curl', 'only', 'weight']);

/** A name split into movement words and the equipment it names, if any. */
export interface ParsedName {
  /** Normalised tokens that describe the movement (equipment words removed). */
  movement: string[];
  /** Equipment named in parentheses (preferred) or in the name; null when none. */
  equipment: Equipment | null;
}

function equipmentOf(tokens: readonly string[]): Equipment | null {
  if (tokens.includes('smith')) return 'smith_machine';
  for (const t of tokens) {
    const e = EQUIPMENT_TOKENS.get(t);
    if (e) return e;
  }
  return null;
}

/**
 * Parses `Name (Equipment)` as Strong writes it, e.g. `Triceps Pushdown (Cable - Straight Bar)`
 * → movement `["tricep", "pushdown", "straight", "bar"]`, equipment `cable`. Parenthesised words that are
 * not equipment (`Lat Pulldown (Single Arm)`) stay movement words. Without parentheses the
 * equipment is read from the name itself (`Dumbbell Curl` → `dumbbell`).
 */
export function parseStrongName(name: string): ParsedName {
  const open = name.indexOf('(');
  const close = name.lastIndexOf(')');
  const base = open >= 0 ? name.slice(0, open) : name;
  const inner = open >= 0 && close > open ? name.slice(open + 1, close) : open >= 0 ? name.slice(open + 1) : '';
  const baseTokens = nameTokens(base);
  const innerParts = inner.split(/\s+-\s+|,/).map((p) => nameTokens(p));
  let equipment: Equipment | null = null;
  const movement = [...baseTokens];
  for (const part of innerParts) {
    const found = equipmentOf(part);
    if (found && equipment === null) equipment = found;
    if (!found) movement.push(...part);
    else movement.push(...part.filter((t) => !EQUIPMENT_TOKENS.has(t) && !EQUIPMENT_FILLER.has(t)));
  }
  equipment ??= equipmentOf(baseTokens);
  return { movement: movement.filter((t) => !EQUIPMENT_TOKENS.has(t)), equipment };
}
