import { describe, expect, it } from 'vitest';
import { allHandlers } from '../handlers/index';
import { buildRegistry } from './registry';
import { refusal } from './access';
import type { Caller } from './context';
import { openDatabase } from '../../db/open';
import { contract, OP_NAMES, apiPath } from '../contract/index';

describe('registry', () => {
  it('has exactly one handler for every operation of the contract', () => {
    expect(Object.keys(allHandlers()).sort()).toEqual([...OP_NAMES].sort());
  });
  it('refuses a name declared twice, a name outside the contract, and a missing handler', () => {
    const h = allHandlers();
    expect(() => buildRegistry(h, { 'plans/get': h['plans/get'] })).toThrow(/conflicting handler name "plans\/get"/);
    expect(() => buildRegistry(h, { 'plans/nope': h['plans/get'] } as never)).toThrow(/not in the contract/);
    const { 'plans/get': _dropped, ...rest } = h;
    expect(() => buildRegistry(rest)).toThrow(/without a handler: plans\/get/);
  });
  it('applies the access lists: roles, the screen lock and signed-out callers', () => {
    const store = openDatabase(':memory:');
    const trainer = { id: 1, name: 'T', role: 'trainer' as const };
    const desk = { id: 2, name: 'D', role: 'front_desk' as const };
    const session = (locked: boolean) => ({ id: 1, locked, expiresAt: '2999-01-01T00:00:00Z', mustChangePassword: false });
    const reason = (name: keyof typeof contract, caller: Caller) => refusal(name, contract[name].access, caller, store.db)?.reason ?? null;
    expect(reason('plans/approve', { transport: 'http', staff: trainer, session: session(false) })).toBeNull();
    expect(reason('plans/approve', { transport: 'ipc', staff: desk, session: session(false) })).toBe('forbidden');
    expect(reason('plans/approve', { transport: 'http', staff: trainer, session: session(true) })).toBe('locked');
    expect(reason('auth/unlock', { transport: 'http', staff: trainer, session: session(true) })).toBeNull();
    expect(reason('system/info', { transport: 'http', staff: null, session: null })).toBe('unauthorized');
    expect(reason('system/info', { transport: 'http', staff: null, session: null, sessionProblem: 'expired' })).toBe('unauthorized');
    expect(reason('auth/sign-in', { transport: 'http', staff: null, session: null })).toBeNull();
    store.close();
  });
  it('derives the nested API names from the operation names', () => {
    expect(apiPath('plans/update-prescription')).toEqual(['plans', 'updatePrescription']);
    expect(apiPath('exercises/map-name')).toEqual(['exercises', 'mapName']);
  });
});

describe('engine input errors', () => {
  const store = openDatabase(':memory:');
  it('become invalid_input envelopes naming the field, whatever capability threw them', async () => {
    const { dispatch } = await import('./registry');
    const { PlannerInputError } = await import('../../engine/planner/errors');
    const { RirInputError } = await import('../../engine/rir/errors');
    const h = allHandlers();
    for (const err of [new PlannerInputError('weeks', 'must be 1–12'), new RirInputError('set.reportedRir', 'must be 0–10')]) {
      const handlers = { ...h, 'system/info': () => { throw err; } };
      const env = await dispatch(handlers, 'system/info', {}, { store, caller: { transport: 'system', staff: null, session: null } } as never);
      expect(env).toEqual({ ok: false, error: { reason: 'invalid_input', message: err.message, field: err.field } });
    }
  });

  it('answer an internal failure with an error id and a message for people, never its details', async () => {
    const { dispatch } = await import('./registry');
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args); };
    try {
      const handlers = { ...allHandlers(), 'system/info': () => { throw new Error('SQLITE_CORRUPT at /var/secret/path.db'); } };
      const env = await dispatch(handlers, 'system/info', {}, { store, caller: { transport: 'system', staff: null, session: null } } as never);
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.reason).toBe('internal');
      expect(env.error.errorId).toMatch(/^E-[0-9a-f]{8}$/);
      expect(env.error.message).toContain(env.error.errorId);
      expect(env.error.message).not.toMatch(/SQLITE|secret/);
      expect(logged.some((args) => String(args[0]).includes(env.error.errorId!) && String(args[1]).includes('SQLITE_CORRUPT'))).toBe(true);
    } finally {
      console.error = original;
    }
  });
});
