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
