/**
 * The handler registry: one map from operation name to handler, checked against the contract
 * at start (a missing or unknown name is refused), and one `dispatch` that every transport
 * uses: check who may call, validate the input with the contract's zod schema, run, and wrap
 * the result in an envelope.
 */
import { z } from 'zod';
import { contract, OP_NAMES, type OpName, type OutputOf, type ParsedInputOf } from '../contract/index';
import { StudioError, type Envelope } from '../contract/errors';
import type { HandlerContext } from './context';
import { checkOwnership, refusal } from './access';
import { randomBytes } from 'node:crypto';
import { EngineInputError } from '../../engine/errors';

export type Handler<N extends OpName> = (input: ParsedInputOf<N>, ctx: HandlerContext) => OutputOf<N> | Promise<OutputOf<N>>;
export type HandlerMap = { [N in OpName]: Handler<N> };
export type PartialHandlers = Partial<HandlerMap>;

/** Merges feature handler maps; throws on a name declared twice or missing from the contract. */
export function buildRegistry(...maps: PartialHandlers[]): HandlerMap {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`conflicting handler name "${name}": names must be unique`);
      if (!(name in contract)) throw new Error(`handler "${name}" is not in the contract`);
      merged[name] = handler;
    }
  }
  const missing = OP_NAMES.filter((n) => !(n in merged));
  if (missing.length) throw new Error(`the contract declares operations without a handler: ${missing.join(', ')}`);
  return merged as HandlerMap;
}

/**
 * The path of a zod issue for people: an array element with a string `id` (or `name`) is named by
 * it, e.g. `setup.rooms[studio].capacity` instead of `setup.rooms.0.capacity`. `field` keeps the
 * machine path.
 */
function readablePath(path: readonly PropertyKey[], input: unknown): string {
  let node: unknown = input;
  let out = '';
  for (const key of path) {
    const next = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const label = next !== null && typeof next === 'object' ? ((next as { id?: unknown }).id ?? (next as { name?: unknown }).name) : undefined;
      out += typeof label === 'string' && label !== '' ? `[${label}]` : `[${key}]`;
    } else out += `${out ? '.' : ''}${String(key)}`;
    node = next;
  }
  return out;
}

function invalidInput(error: z.ZodError, input?: unknown): StudioError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const where = field ? readablePath(issue.path, input) : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return new StudioError('invalid_input', `${where ? `${where}: ` : ''}${issue.message}${more}`, field);
}

/** A short id that ties what the caller sees to the details in the log (`E-1a2b3c4d`). */
export function newErrorId(): string {
  return `E-${randomBytes(4).toString('hex')}`;
}

/**
 * Our typed errors pass through; anything else is an internal failure: the details go to the
 * log under a new error id, the caller gets the id and a message for people, never the details.
 */
export function toStudioError(err: unknown, where: string): StudioError {
  if (err instanceof StudioError) return err;
  if (err instanceof z.ZodError) return invalidInput(err);
  if (err instanceof EngineInputError) return new StudioError('invalid_input', err.message, err.field);
  const errorId = newErrorId();
  console.error(`[studio] ${errorId} ${where} failed:`, err);
  return new StudioError('internal', `Something went wrong in the studio (error ${errorId}); the details are in the studio's log under that id.`, undefined, errorId);
}

/**
 * The checks before a handler runs: the operation exists, the caller may call it (`refusal`), the
 * input parses with its schema, and the row-level check (`checkOwnership`) passes. Returns the
 * parsed input; throws a `StudioError` otherwise.
 */
export function admit(name: string, rawInput: unknown, ctx: Pick<HandlerContext, 'caller' | 'store'>): { opName: OpName; input: unknown } {
  if (!Object.hasOwn(contract, name)) throw new StudioError('unknown_operation', `there is no operation "${name.slice(0, 100)}"`);
  const opName = name as OpName;
  const op = contract[opName];
  const refused = refusal(name, op.access, ctx.caller, ctx.store.db);
  if (refused) throw refused;
  // No input at all is an empty object (a call without arguments); `null` is not.
  const parsed = op.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) throw invalidInput(parsed.error, rawInput);
  checkOwnership(op, parsed.data, ctx.caller, ctx.store.db);
  return { opName, input: parsed.data };
}

/** `admit` as an envelope: the refusal, or null when the call may run. */
export function admissionError(name: string, rawInput: unknown, ctx: Pick<HandlerContext, 'caller' | 'store'>): Envelope<never> | null {
  try {
    admit(name, rawInput, ctx);
    return null;
  } catch (err) {
    return { ok: false, error: toStudioError(err, `"${name}"`).toPayload() };
  }
}

/** Admits, then runs one call. Never throws: failures come back as envelopes. */
export async function dispatch(
  handlers: HandlerMap,
  name: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Envelope<unknown>> {
  try {
    const { opName, input } = admit(name, rawInput, ctx);
    const handler = handlers[opName] as (input: unknown, c: HandlerContext) => unknown;
    const value = await handler(input, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toStudioError(err, `"${name}"`).toPayload() };
  }
}
