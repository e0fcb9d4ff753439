/**
 * Reading zod 4 schemas from their internal definition (`schema._zod.def`), for the fuzz
 * generators in this folder. Nothing here knows the contract's operations: it works from the
 * zod kinds alone, so new operations are covered without changes.
 *
 * Also the JSON helpers the generators share: a serialiser that survives values nested deeper
 * than `JSON.stringify`'s recursion allows, and the "rejected as given and after a JSON round
 * trip" test every broken value must pass.
 */
import { z } from 'zod';

/** Any zod 4 schema (classic `z.ZodType` or a core `$ZodType`). */
export type Schema = z.core.$ZodType;

/** The parts of a zod definition the walker reads; every kind has `type`, the rest depends on it. */
export interface Def {
  type: string;
  checks?: Schema[];
  [key: string]: unknown;
}

/** A check's own definition: `check` names it (`min_length`, `greater_than`, `custom`, ...). */
export interface CheckDef {
  check: string;
  [key: string]: unknown;
}

export function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** A child schema of a definition (`innerType`, `element`, `in`, ...). */
export function child(def: Def, key: string): Schema {
  return def[key] as Schema;
}

/**
 * The checks that apply to a schema: those in `def.checks`, plus the schema's own definition
 * when it is itself a check (string formats such as `z.iso.date()`, number formats such as `z.int()`).
 */
export function checksOf(schema: Schema): CheckDef[] {
  const def = defOf(schema);
  const own = typeof def.check === 'string' ? [def as unknown as CheckDef] : [];
  return [...own, ...(def.checks ?? []).map((c) => c._zod.def as unknown as CheckDef)];
}

/** Whether a container may leave this schema's slot out (optional, default, prefault). */
export function mayBeAbsent(schema: Schema): boolean {
  return schema._zod.optin !== undefined;
}

/** The finite set of values a schema accepts, when zod knows it (enum, literal, null, ...). */
export function finiteValues(schema: Schema): unknown[] | undefined {
  const values = schema._zod.values;
  return values ? [...values] : undefined;
}

export type ObjectMode = 'strict' | 'strip' | 'catchall';

/** `.strict()` objects have a `never` catchall, `.loose()` an `unknown` one, plain objects none. */
export function objectMode(schema: Schema): ObjectMode {
  const catchall = defOf(schema).catchall as Schema | undefined;
  if (!catchall) return 'strip';
  return defOf(catchall).type === 'never' ? 'strict' : 'catchall';
}

export function shapeOf(schema: Schema): Record<string, Schema> {
  return defOf(schema).shape as Record<string, Schema>;
}

/** Check kinds the generators model exactly; any other check (refine, transform, ...) is opaque. */
const MODELLED = new Set(['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than', 'number_format', 'string_format', 'multiple_of']);

/** Whether the schema has checks the walker cannot see through (refinements, overwrites like `.trim()`). */
export function hasOpaqueChecks(schema: Schema): boolean {
  return checksOf(schema).some((c) => !MODELLED.has(c.check));
}

/** Only refinements (`refine`, `superRefine`, `check`): the value is kept, a predicate decides. */
export function hasRefinements(schema: Schema): boolean {
  return checksOf(schema).some((c) => c.check === 'custom');
}

const sizes = new WeakMap<Schema, number>();

/** How many schema nodes are below (and including) this one, at most 50: a weight for reaching into it. */
export function nodeCount(schema: Schema): number {
  let n = sizes.get(schema);
  if (n !== undefined) return n;
  sizes.set(schema, 1); // z.lazy cycles
  const def = defOf(schema);
  const kids: Schema[] = [];
  if (def.type === 'object') kids.push(...Object.values(shapeOf(schema)));
  if (Array.isArray(def.options)) kids.push(...(def.options as Schema[]));
  if (Array.isArray(def.items)) kids.push(...(def.items as Schema[]));
  for (const key of ['element', 'innerType', 'keyType', 'valueType', 'in', 'out', 'left', 'right', 'rest']) {
    if (def[key] && typeof def[key] === 'object') kids.push(def[key] as Schema);
  }
  n = Math.min(50, 1 + kids.reduce((sum, k) => sum + nodeCount(k), 0));
  sizes.set(schema, n);
  return n;
}

export interface LengthInfo { min: number; max: number }

/** Length bounds of strings and arrays (`min`, `max`, `length`, `nonempty`). */
export function lengthInfo(schema: Schema): LengthInfo {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else if (c.check === 'length_equals') { min = Math.max(min, c.length as number); max = Math.min(max, c.length as number); }
  }
  return { min, max };
}

export interface StringInfo extends LengthInfo {
  /** Every regular expression the string must match (`regex`, and the patterns of formats). */
  patterns: RegExp[];
  /** A named format (`date`, `datetime`, `email`, `uuid`, ...), when there is one besides `regex`. */
  format: string | undefined;
  /** `.trim()`, `.toLowerCase()` and the like: the checks after it see a changed string. */
  transformed: boolean;
}

export function stringInfo(schema: Schema): StringInfo {
  const patterns: RegExp[] = [];
  let format: string | undefined;
  let transformed = false;
  for (const c of checksOf(schema)) {
    if (c.check === 'string_format') {
      if (c.pattern instanceof RegExp) patterns.push(c.pattern);
      if (c.format !== 'regex') format = c.format as string;
    } else if (c.check === 'overwrite') transformed = true;
  }
  return { ...lengthInfo(schema), patterns, format, transformed };
}

export interface NumberInfo {
  lo: number; loIncl: boolean; hi: number; hiIncl: boolean;
  int: boolean;
  multipleOf: number | undefined;
}

const FORMAT_BOUNDS: Record<string, [number, number, boolean]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true],
  int32: [-(2 ** 31), 2 ** 31 - 1, true],
  uint32: [0, 2 ** 32 - 1, true],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38, false],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE, false],
};

/** Bounds of a number: `min`/`max`/`gt`/`lt`/`positive`..., `int()` (a safe integer), `multipleOf`. */
export function numberInfo(schema: Schema): NumberInfo {
  const info: NumberInfo = { lo: -Number.MAX_VALUE, loIncl: true, hi: Number.MAX_VALUE, hiIncl: true, int: defOf(schema).type === 'int', multipleOf: undefined };
  const raiseLo = (v: number, incl: boolean) => {
    if (v > info.lo || (v === info.lo && !incl)) { info.lo = v; info.loIncl = incl; }
  };
  const lowerHi = (v: number, incl: boolean) => {
    if (v < info.hi || (v === info.hi && !incl)) { info.hi = v; info.hiIncl = incl; }
  };
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than') raiseLo(Number(c.value), c.inclusive as boolean);
    else if (c.check === 'less_than') lowerHi(Number(c.value), c.inclusive as boolean);
    else if (c.check === 'multiple_of') info.multipleOf = Number(c.value);
    else if (c.check === 'number_format') {
      const bounds = FORMAT_BOUNDS[c.format as string];
      if (bounds) { raiseLo(bounds[0], true); lowerHi(bounds[1], true); info.int ||= bounds[2]; }
    }
  }
  if (info.int) { raiseLo(Number.MIN_SAFE_INTEGER, true); lowerHi(Number.MAX_SAFE_INTEGER, true); }
  return info;
}

/** The integer range of an integer schema, bounds included. */
export function intRange(info: NumberInfo): [number, number] {
  const lo = info.loIncl ? Math.ceil(info.lo) : Math.floor(info.lo) + 1;
  const hi = info.hiIncl ? Math.floor(info.hi) : Math.ceil(info.hi) - 1;
  return [lo, hi];
}

/** `schema.safeParse(value).success`; a schema that throws counts as rejecting (and is a bug to report). */
export function accepts(schema: Schema, value: unknown): boolean {
  try {
    return z.safeParse(schema, value).success;
  } catch {
    return false;
  }
}

/**
 * `JSON.stringify`, also for values nested deeper than its recursion allows (it overflows the
 * stack at a few thousand levels): the same text, built without recursion. `undefined` when
 * the value has no JSON form (`undefined`, a function); throws on a `BigInt` like JSON.stringify.
 */
export function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return deepToJson(value);
  }
}

type Frame = { items: [string | null, unknown][]; next: number; close: string; wrote: boolean };

/** Linear-time, stack-free serialiser for plain data (objects, arrays, primitives, `toJSON`). */
function deepToJson(root: unknown): string | undefined {
  const prepared = (v: unknown): unknown => {
    const withJson = v as { toJSON?: () => unknown } | null;
    return withJson && typeof withJson === 'object' && typeof withJson.toJSON === 'function' ? withJson.toJSON() : v;
  };
  const out: string[] = [];
  const stack: Frame[] = [];
  /** Writes a value, or opens it; false when it has no JSON form. */
  const write = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') {
      const text = JSON.stringify(v);
      if (text === undefined) return false;
      out.push(text);
      return true;
    }
    if (Array.isArray(v)) {
      out.push('[');
      stack.push({ items: v.map((x): [null, unknown] => [null, x]), next: 0, close: ']', wrote: false });
    } else {
      out.push('{');
      const items = Object.keys(v).map((k): [string, unknown] => [k, (v as Record<string, unknown>)[k]]);
      stack.push({ items, next: 0, close: '}', wrote: false });
    }
    return true;
  };
  if (!write(prepared(root))) return undefined;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.items.length) {
      out.push(top.close);
      stack.pop();
      continue;
    }
    const [key, raw] = top.items[top.next++]!;
    const v = prepared(raw);
    const absent = v === undefined || typeof v === 'function' || typeof v === 'symbol';
    if (key !== null && absent) continue; // JSON.stringify leaves such keys out
    if (top.wrote) out.push(',');
    top.wrote = true;
    if (key !== null) out.push(`${JSON.stringify(key)}:`);
    if (!write(v)) out.push('null'); // ... and writes null for such array elements
  }
  return out.join('');
}

/**
 * Whether a JSON round trip gives the value back unchanged: only plain objects, dense arrays,
 * strings, booleans, null and finite numbers other than -0. Checked without recursion or serialising.
 */
export function isJsonStable(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') { if (!Number.isFinite(v) || Object.is(v, -0)) return false; continue; }
    if (typeof v !== 'object') return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) { if (!(i in v)) return false; stack.push(v[i]); }
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  return true;
}

/** The value as the other side of a JSON transport sees it, or `undefined` if it has no JSON form. */
export function jsonRoundTrip(value: unknown): { value: unknown } | undefined {
  if (isJsonStable(value)) return { value };
  let text: string | undefined;
  try { text = toJson(value); } catch { return undefined; }
  return text === undefined ? undefined : { value: JSON.parse(text) };
}

/**
 * The test every broken value passes: the schema rejects it as given (IPC, structured clone)
 * and, when it has a JSON form, after a JSON round trip too (HTTP). `NaN` where `null` is
 * allowed, or an extra key whose value is `undefined`, fail the second half and are not broken.
 */
export function rejectsEverywhere(schema: Schema, value: unknown): boolean {
  if (accepts(schema, value)) return false;
  const trip = jsonRoundTrip(value);
  return !trip || !accepts(schema, trip.value);
}
