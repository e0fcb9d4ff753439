import { describe, expect, it } from 'vitest';
import { allHandlers } from '../handlers/index';
import { buildRegistry, mayCall } from './registry';
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
  it('applies the access lists: LAN callers get public operations only, roles are checked', () => {
    const trainer = { id: 1, name: 'T', role: 'trainer' as const };
    const desk = { id: 2, name: 'D', role: 'front_desk' as const };
    expect(mayCall(contract['plans/approve'].access, { transport: 'http-local', staff: trainer })).toBe(true);
    expect(mayCall(contract['plans/approve'].access, { transport: 'ipc', staff: desk })).toBe(false);
    expect(mayCall(contract['plans/approve'].access, { transport: 'http-lan', staff: trainer })).toBe(false);
    expect(mayCall(contract['system/info'].access, { transport: 'http-lan', staff: null })).toBe(false);
    expect(mayCall(['public'], { transport: 'http-lan', staff: null })).toBe(true);
  });
  it('derives the nested API names from the operation names', () => {
    expect(apiPath('plans/update-prescription')).toEqual(['plans', 'updatePrescription']);
    expect(apiPath('exercises/map-name')).toEqual(['exercises', 'mapName']);
  });
});

describe('engine input errors', () => {
  it('become invalid_input envelopes naming the field, whatever capability threw them', async () => {
    const { dispatch } = await import('./registry');
    const { PlannerInputError } = await import('../../engine/planner/errors');
    const { RirInputError } = await import('../../engine/rir/errors');
    const h = allHandlers();
    for (const err of [new PlannerInputError('weeks', 'must be 1–12'), new RirInputError('set.reportedRir', 'must be 0–10')]) {
      const handlers = { ...h, 'system/info': () => { throw err; } };
      const env = await dispatch(handlers, 'system/info', {}, { caller: { transport: 'cli', staff: null } } as never);
      expect(env).toEqual({ ok: false, error: { reason: 'invalid_input', message: err.message, field: err.field } });
    }
  });
});
