/**
 * The handler registry: one map from operation name to handler, checked against the contract
 * at start (a missing or unknown name is refused), and one `dispatch` that every transport
 * uses: validate the input with the contract's zod schema, check who may call, run, and wrap
 * the result in an envelope.
 */
import { z } from 'zod';
import { contract, OP_NAMES, type OpName, type OutputOf, type ParsedInputOf } from '../contract/index';
import type { Access } from '../contract/op';
import { StudioError, type Envelope } from '../contract/errors';
import type { Caller, HandlerContext } from './context';
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

/** Whether `caller` may call an operation with this access list. */
export function mayCall(access: readonly Access[], caller: Caller): boolean {
  if (access.includes('public')) return true;
  if (caller.transport === 'http-lan') return false; // no staff or member sign-in yet
  if (access.includes('local')) return true;
  const role = caller.staff?.role;
  return role !== undefined && (access as readonly string[]).includes(role);
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

function toStudioError(err: unknown): StudioError {
  if (err instanceof StudioError) return err;
  if (err instanceof z.ZodError) return invalidInput(err);
  if (err instanceof EngineInputError) return new StudioError('invalid_input', err.message, err.field);
  console.error('[studio] handler failed:', err);
  return new StudioError('internal', `internal error: ${(err as Error)?.message ?? String(err)}`);
}

/** Validates, authorizes and runs one call. Never throws: failures come back as envelopes. */
export async function dispatch(
  handlers: HandlerMap,
  name: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Envelope<unknown>> {
  try {
    if (!Object.hasOwn(contract, name)) throw new StudioError('unknown_operation', `there is no operation "${name}"`);
    const opName = name as OpName;
    const op = contract[opName];
    if (!mayCall(op.access, ctx.caller)) {
      const who = ctx.caller.transport === 'http-lan' ? 'callers on the network (staff sign-in is not available yet)' : `role ${ctx.caller.staff?.role ?? 'none'}`;
      throw new StudioError('forbidden', `"${name}" is not allowed for ${who}`);
    }
    const parsed = op.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw invalidInput(parsed.error, rawInput);
    const handler = handlers[opName] as (input: unknown, c: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toStudioError(err).toPayload() };
  }
}
