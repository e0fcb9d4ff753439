/**
 * Raw HTTP request bodies a schema's operation must refuse: JSON of broken values, and byte
 * sequences that are not (valid, UTF-8, complete) JSON at all. See `brokenBodyArbitrary` in
 * zod-arbitrary.ts for the public entry point.
 */
import fc from 'fast-check';
import type { BrokenCase } from './cases';
import { accepts, toJson, type Schema } from './introspect';
import { UnsupportedSchemaError, validOf } from './valid';

/**
 * What is wrong with a body:
 * - `json-broken-value`: well-formed UTF-8 JSON of a broken value (`detail` says which defect, where).
 * - `truncated-json`: the JSON of a valid value cut short (possibly inside a UTF-8 character).
 * - `invalid-utf8`: bytes that are not UTF-8 (0xFF, overlong forms, lone continuation bytes,
 *   encoded surrogates, code points past U+10FFFF, a cut multi-byte character) spliced into the
 *   JSON of a valid value, inside a string (`strictUtf8Only`) or between tokens.
 * - `non-json`: text that is not JSON: plain words, form data, JavaScript object syntax, single
 *   quotes, trailing commas, comments, two documents, garbage after the document, raw control
 *   characters in a string.
 * - `empty`: nothing, whitespace, a NUL.
 * - `bom`: byte-order marks: a UTF-8 BOM before a broken document, two BOMs, a BOM inside the
 *   document, UTF-16 (LE/BE) with its BOM.
 * - `bad-number-token`: a number of a valid document replaced by `1e400`, `NaN`, `Infinity`, `0x1F`, `01`, `+1`, `.5`, ...
 * - `deep-json-text`: `[[[[...]]]]` / `{"a":{"a":...}}` 10,000–100,000 deep, balanced or not.
 */
export type BodyKind =
  | 'json-broken-value' | 'truncated-json' | 'invalid-utf8' | 'non-json' | 'empty' | 'bom' | 'bad-number-token' | 'deep-json-text';

export interface BrokenBody {
  kind: BodyKind;
  /** What exactly, for a failure message ("0xC0 0x80 inside a string", "below min 1 at patch.sets"). */
  detail: string;
  bytes: Uint8Array;
  /**
   * Only a server that decodes UTF-8 strictly is bound to refuse it: invalid bytes inside a JSON
   * string become U+FFFD under a lenient decoder (Node's `buffer.toString('utf8')`), and the
   * document may then be valid.
   */
  strictUtf8Only: boolean;
}

/** One way a server may turn bytes into an input. */
export interface BodyReading {
  /** `strict`: invalid UTF-8 is an error (`TextDecoder` with `fatal`); `lenient`: replaced by U+FFFD. */
  utf8: 'strict' | 'lenient';
  /** Whether one leading UTF-8 BOM is dropped before parsing. */
  bom: 'keep' | 'strip';
}

export const READINGS: readonly BodyReading[] = [
  { utf8: 'lenient', bom: 'keep' }, { utf8: 'lenient', bom: 'strip' }, { utf8: 'strict', bom: 'keep' }, { utf8: 'strict', bom: 'strip' },
];

/**
 * Reads a body the way main/http/server.ts does (an empty or all-whitespace body is `{}`, else
 * `JSON.parse`), under the given reading. The server today reads `{ utf8: 'lenient', bom: 'keep' }`.
 */
export function readBody(bytes: Uint8Array, reading: BodyReading): { ok: true; input: unknown } | { ok: false; error: string } {
  const text = decode(bytes, reading);
  return text === null ? { ok: false, error: 'invalid UTF-8' } : parseBody(text);
}

function decode(bytes: Uint8Array, reading: BodyReading): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: reading.utf8 === 'strict', ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  return reading.bom === 'strip' && text.startsWith('\ufeff') ? text.slice(1) : text;
}

function parseBody(text: string): { ok: true; input: unknown } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Whether a server reading the body this way would pass the schema. */
export function bodyAccepted(schema: Schema, bytes: Uint8Array, reading: BodyReading): boolean {
  const read = readBody(bytes, reading);
  return read.ok && accepts(schema, read.input);
}

/** The guarantee of every generated body: refused under every reading (the strict-UTF-8 ones for `strictUtf8Only`). */
export function bodyRefused(schema: Schema, body: BrokenBody): boolean {
  const texts = new Set<string>(); // the readings mostly agree: parse each distinct text once
  for (const r of READINGS) {
    if (body.strictUtf8Only && r.utf8 !== 'strict') continue;
    const text = decode(body.bytes, r);
    if (text !== null) texts.add(text);
  }
  return [...texts].every((t) => {
    const read = parseBody(t);
    return !read.ok || !accepts(schema, read.input);
  });
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};
const body = (kind: BodyKind, detail: string, bytes: Uint8Array, strictUtf8Only = false): BrokenBody => ({ kind, detail, bytes, strictUtf8Only });

const BAD_UTF8: [string, number[]][] = [
  ['0xFF', [0xff]], ['0xFE', [0xfe]], ['overlong NUL 0xC0 0x80', [0xc0, 0x80]], ['overlong quote 0xC0 0xA2', [0xc0, 0xa2]],
  ['overlong slash 0xE0 0x80 0xAF', [0xe0, 0x80, 0xaf]], ['lone continuation 0x80', [0x80]], ['lone continuation 0xBF', [0xbf]],
  ['cut 3-byte char 0xE2 0x82', [0xe2, 0x82]], ['encoded surrogate 0xED 0xA0 0x80', [0xed, 0xa0, 0x80]],
  ['past U+10FFFF 0xF4 0x90 0x80 0x80', [0xf4, 0x90, 0x80, 0x80]], ['5-byte form 0xF8 0x88 0x80 0x80 0x80', [0xf8, 0x88, 0x80, 0x80, 0x80]],
];

const NOT_JSON = [
  'hello', 'null?', '<request><memberId>1</memberId></request>', 'memberId=1&name=x', '{memberId: 1}', "{'name': 'x'}",
  'NaN', 'undefined', 'Infinity', '[object Object]', '{"a":1,}', '[1,2,]', '{"a":1} // comment', '/* c */ {}', '{"a":1}}',
  '{}{}', '{"a":"\\x41"}', '{"a":"\\u12"}', '"unterminated', '{"a" 1}', '{,}', 'true false', '\u0000', '{"a":"b"\u0000}', '}{',
];

const BAD_NUMBERS = ['1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '0x1F', '01', '+1', '.5', '1.', '1e', '--1', '1_000', '٣'];

const TOKEN = '__FUZZ_PLACEHOLDER_7f3a__';

/** Paths of the leaves of a (small, valid) value that satisfy `is`. */
function leaves(value: unknown, is: (v: unknown) => boolean, path: (string | number)[] = []): (string | number)[][] {
  if (is(value)) return [path];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, is, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return [];
}

function replaceAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, leaf);
  return copy;
}

/** The JSON of `value` split around the leaf at `path` (its JSON text left out). */
function splitAround(value: unknown, path: (string | number)[]): [string, string] {
  const text = toJson(replaceAt(value, path, TOKEN))!;
  const at = text.indexOf(`"${TOKEN}"`);
  return [text.slice(0, at), text.slice(at + TOKEN.length + 2)];
}

function pick<T>(list: T[], n: number): T {
  return list[n % list.length]!;
}

function fromValid(valid: unknown, n: number, m: number): BrokenBody[] {
  const text = toJson(valid) ?? 'null';
  const bytes = utf8(text);
  const out: BrokenBody[] = [];
  if (bytes.length > 1) out.push(body('truncated-json', `cut at byte ${1 + (n % (bytes.length - 1))} of ${bytes.length}`, bytes.slice(0, 1 + (n % (bytes.length - 1)))));
  const [badName, badBytes] = pick(BAD_UTF8, m);
  const strings = leaves(valid, (v) => typeof v === 'string' && v.length > 0);
  if (strings.length) {
    const path = pick(strings, n);
    const s = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid) as string;
    let cut = n % (s.length + 1);
    if (cut > 0 && cut < s.length && /[\ud800-\udbff]/.test(s[cut - 1]!)) cut -= 1;
    const [before, after] = splitAround(valid, path);
    const left = JSON.stringify(s.slice(0, cut)).slice(0, -1);
    const right = JSON.stringify(s.slice(cut)).slice(1);
    out.push(body('invalid-utf8', `${badName} inside the string at ${path.join('.')}`, concat(utf8(before + left), Uint8Array.from(badBytes), utf8(right + after)), true));
  }
  const structuralAt = pick([0, 1, bytes.length], n);
  out.push(body('invalid-utf8', `${badName} between tokens (byte ${structuralAt})`, concat(bytes.slice(0, structuralAt), Uint8Array.from(badBytes), bytes.slice(structuralAt))));
  const numbers = leaves(valid, (v) => typeof v === 'number');
  const token = pick(BAD_NUMBERS, m);
  if (numbers.length) {
    const path = pick(numbers, n);
    const [before, after] = splitAround(valid, path);
    out.push(body('bad-number-token', `${token} at ${path.join('.')}`, utf8(before + token + after)));
  } else out.push(body('bad-number-token', `${token} as the whole body`, utf8(token)));
  const variants: [string, string][] = [
    ['garbage after the document', `${text}x`], ['two documents', `${text}${text}`], ['a comma after the document', `${text},`],
    ['single quotes', text.replace(/"/g, "'")], ['unquoted keys', text.replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:')],
    ['a trailing comma', text.endsWith('}') && text.length > 2 ? `${text.slice(0, -1)},}` : `${text},`], ['a comment after', `${text} // c`],
  ];
  if (strings.length) {
    const [before, after] = splitAround(valid, pick(strings, m));
    variants.push(['a raw control character in a string', `${before}"a\u0001b"${after}`]);
  }
  const changed = variants.filter(([, t]) => t !== text); // single quotes of `{}` are still `{}`
  const [what, malformed] = pick(changed, n + m);
  out.push(body('non-json', what, utf8(malformed)));
  const utf16 = (le: boolean) => {
    const u = new Uint8Array(2 + text.length * 2);
    u.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      u[2 + 2 * i] = le ? c & 0xff : c >> 8;
      u[3 + 2 * i] = le ? c >> 8 : c & 0xff;
    }
    return u;
  };
  const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
  const boms: BrokenBody[] = [
    body('bom', 'two UTF-8 BOMs before a valid document', concat(BOM, BOM, bytes)),
    body('bom', 'a BOM inside the document', concat(bytes.slice(0, 1), BOM, bytes.slice(1))),
    body('bom', 'UTF-16LE with BOM', utf16(true)), body('bom', 'UTF-16BE with BOM', utf16(false)),
  ];
  out.push(pick(boms, m));
  return out;
}

function deepText(depth: number, variant: number): [string, string] {
  switch (variant % 4) {
    case 0: return [`${depth} nested arrays`, '['.repeat(depth) + ']'.repeat(depth)];
    case 1: return [`${depth} nested objects`, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)];
    case 2: return [`${depth} unclosed arrays`, '['.repeat(depth)];
    default: return [`${depth} nested arrays, one bracket short`, '['.repeat(depth) + ']'.repeat(depth - 1)];
  }
}

/**
 * Broken bodies for `schema`. `cases` are the broken values to send as JSON (from
 * `brokenCaseArbitrary`); `guarantee: false` leaves out the final `bodyRefused` filter.
 */
export function bodiesOf(schema: Schema, cases: fc.Arbitrary<BrokenCase>, guarantee: boolean): fc.Arbitrary<BrokenBody> {
  const ofCase = cases.map((c): BrokenBody | null => {
    let text: string | undefined;
    try { text = toJson(c.value); } catch { return null; } // a BigInt has no JSON form
    if (text === undefined) return null;
    const where = c.path.length ? ` at ${c.path.join('.')}` : '';
    return body('json-broken-value', `${c.kind}${where}: ${c.detail}`, utf8(text));
  }).filter((b): b is BrokenBody => b !== null);
  const kinds: fc.WeightedArbitrary<BrokenBody>[] = [{ weight: 8, arbitrary: ofCase }];
  let valid: fc.Arbitrary<unknown> | null = null;
  try { valid = validOf(schema); } catch (err) { if (!(err instanceof UnsupportedSchemaError)) throw err; }
  if (valid) {
    const derived = fc.tuple(valid, fc.nat(), fc.nat()).map(([v, n, m]) => fromValid(v, n, m));
    kinds.push({ weight: 10, arbitrary: fc.tuple(derived, fc.nat()).map(([list, i]) => pick(list, i)) });
  }
  const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
  kinds.push(
    { weight: 1, arbitrary: ofCase.map((b) => ({ ...b, kind: 'bom' as const, detail: `a UTF-8 BOM before ${b.detail}`, bytes: concat(BOM, b.bytes) })) },
    { weight: 1, arbitrary: fc.constantFrom(...NOT_JSON).map((t) => body('non-json', JSON.stringify(t), utf8(t))) },
    // The server reads an empty or blank body as `{}`: for schemas that accept `{}` only a NUL is still refused.
    { weight: 1, arbitrary: fc.constantFrom(...(accepts(schema, {}) ? ['\u0000', ' \u0000 '] : ['', ' ', '\r\n', '\t\t', '\n\n\n', '\u00a0', '\u2028', '\ufeff', '\u0000']))
      .map((t) => body('empty', JSON.stringify(t), utf8(t))) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10_000, max: 100_000 }), fc.nat()).map(([d, v]) => { const [what, t] = deepText(d, v); return body('deep-json-text', what, utf8(t)); }) },
  );
  const all = fc.oneof(...kinds);
  return guarantee ? all.filter((b) => bodyRefused(schema, b)) : all;
}
