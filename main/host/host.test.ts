/**
 * The host end to end on a real SQLite file and the real Strong export: import, plan, edit,
 * undo, approve; plus the access rules and the error envelopes of the transports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliCaller, createHost, type Host } from './host';
import { createFirstManager } from './testkit';
import type { Caller } from './context';
import type { PlanView, StrongImportReport } from '../contract/index';
import type { Envelope } from '../contract/errors';

const STRONG = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');
let dir: string;
let host: Host;
let caller: Caller;

async function ok<T>(name: string, input: unknown, who: Caller = caller): Promise<T> {
  const env = await host.call(name, input, who);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'studio-host-'));
  host = createHost(join(dir, 'studio.db'), { now: () => new Date('2024-01-15T10:00:00Z') });
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('host', () => {
  it('seeds a fresh install with the built-in library and no account, until the first manager is created', async () => {
    expect(() => cliCaller(host)).toThrow(/create-first/);
    expect(await host.call('auth/status', {}, { transport: 'http', staff: null, session: null })).toMatchObject({ ok: true, value: { needsFirstManager: true } });
    caller = await createFirstManager(host);
    const info = await ok<{ exerciseCount: number; me: { role: string } }>('system/info', {});
    expect(info.exerciseCount).toBeGreaterThanOrEqual(120);
    expect(info.me.role).toBe('manager');
    expect(await host.call('auth/status', {}, { transport: 'http', staff: null, session: null })).toMatchObject({ ok: true, value: { needsFirstManager: false } });
  });

  let report: StrongImportReport;
  it('imports the real Strong export whole, and adds nothing the second time', async () => {
    const content = readFileSync(STRONG, 'utf8');
    report = await ok<StrongImportReport>('imports/strong', { fileName: 'strong.csv', content, memberName: 'Deric Mei' });
    expect(report.setsStored + report.rejected.length).toBe(6778);
    expect(report.days).toBe(378);
    expect(report.unit).toBe('lb');
    expect(report.unmatched).toEqual([]);
    const again = await ok<StrongImportReport>('imports/strong', { fileName: 'strong.csv', content, memberName: 'Deric Mei' });
    expect(again.setsStored).toBe(0);
    expect(again.duplicates).toBe(report.setsStored);
    expect(again.memberId).toBe(report.memberId);
  });

  it('rejects a malformed file whole, naming line and field', async () => {
    const before = await ok<Array<{ setCount: number }>>('members/list', { query: 'Deric' });
    const bad = readFileSync(STRONG, 'utf8').split('\n').slice(0, 40);
    bad[30] = bad[30]!.replace(/,(\d+(\.\d+)?),(\d+),0,0,/, ',heavy,$3,0,0,');
    const env = await host.call('imports/strong', { fileName: 'bad.csv', content: bad.join('\n'), memberName: 'Someone New' }, caller);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/line 31/);
    const after = await ok<Array<{ setCount: number; name: string }>>('members/list', {});
    expect(after.some((m) => m.name === 'Someone New')).toBe(false);
    expect((await ok<Array<{ setCount: number }>>('members/list', { query: 'Deric' }))[0]!.setCount).toBe(before[0]!.setCount);
  });

  let plan: PlanView;
  it('generates a plan whose bench press load follows the real history', async () => {
    plan = await ok<PlanView>('plans/generate', { memberId: report.memberId, weeks: 4, daysPerWeek: 4, asOf: '2023-12-20' });
    expect(plan.status).toBe('draft');
    expect(plan.weeks).toHaveLength(4);
    expect(plan.weeks[3]!.isDeload).toBe(true);
    const bench = plan.weeks[0]!.sessions.flatMap((s) => s.prescriptions).find((p) => p.exerciseName.toLowerCase().includes('bench press'));
    expect(bench).toBeDefined();
    expect(bench!.e1rmKg).not.toBeNull();
    expect(bench!.reason).toMatch(/e1RM/);
  });

  it('refuses a manual edit that breaks a safety rule, naming the rule, and stores nothing', async () => {
    const all = plan.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions));
    const loaded = all.find((x) => (x.loadKg ?? 0) > 0);
    expect(loaded).toBeDefined();
    const p = loaded!;
    const tooHeavy = await host.call('plans/update-prescription', { prescriptionId: p.id, patch: { loadKg: p.loadKg! * 2 } }, caller);
    expect(tooHeavy).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'patch.loadKg' } });
    if (!tooHeavy.ok) expect(tooHeavy.error.message).toMatch(/maxLoadIncreaseFraction: .*at most \+10 %/);
    const tooShort = await host.call('plans/update-prescription', { prescriptionId: p.id, patch: { restS: 15 } }, caller);
    expect(tooShort).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'patch.restS' } });
    if (!tooShort.ok) expect(tooShort.error.message).toMatch(/minRestS/);
    const fine = await ok<PlanView>('plans/update-prescription', { prescriptionId: p.id, patch: { loadKg: p.loadKg! * 0.9 } });
    expect(fine.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions)).find((x) => x.id === p.id)?.loadKg).toBeCloseTo(p.loadKg! * 0.9, 6);
    await ok<PlanView>('plans/undo', { planId: plan.id });
  });

  it('edits a prescription, undoes the edit, then approves and locks the plan', async () => {
    const p = plan.weeks[0]!.sessions[0]!.prescriptions[0]!;
    const edited = await ok<PlanView>('plans/update-prescription', { prescriptionId: p.id, patch: { sets: p.sets + 1 } });
    expect(edited.weeks[0]!.sessions[0]!.prescriptions[0]!.sets).toBe(p.sets + 1);
    expect(edited.canUndo).toBe(true);
    const undone = await ok<PlanView>('plans/undo', { planId: plan.id });
    expect(undone.weeks[0]!.sessions[0]!.prescriptions[0]!.sets).toBe(p.sets);
    expect(undone.canUndo).toBe(false);
    const approved = await ok<PlanView>('plans/approve', { planId: plan.id });
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy?.role).toBe('manager');
    expect(approved.approvedAt).toBe('2024-01-15T10:00:00.000Z');
    const locked = await host.call('plans/update-prescription', { prescriptionId: p.id, patch: { sets: 1 } }, caller);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.reason).toBe('plan_locked');
    const audit = await ok<{ entries: Array<{ action: string }> }>('audit/list', { entity: 'plan', entityId: String(plan.id) });
    // The refused edits of the test before left no entry; its allowed edit and undo did.
    expect(audit.entries.map((a) => a.action)).toEqual(['plan.approve', 'prescription.undo', 'prescription.update', 'prescription.undo', 'prescription.update', 'plan.generate']);
  });

  it('names the field of bad input and refuses unknown operations', async () => {
    const env = (await host.call('plans/generate', { memberId: report.memberId, weeks: 13 }, caller)) as Envelope<unknown>;
    expect(env).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'weeks' } });
    const unknown = await host.call('plans/delete-everything', {}, caller);
    expect(unknown).toMatchObject({ ok: false, error: { reason: 'unknown_operation' } });
  });

  it('serves nothing but sign-in without a session, and lets front desk look members up but not approve', async () => {
    const signedOut: Caller = { transport: 'http', staff: null, session: null };
    expect(await host.call('members/list', {}, signedOut)).toMatchObject({ ok: false, error: { reason: 'unauthorized' } });
    const desk = await ok<{ id: number }>('staff/create', { name: 'Desk', username: 'desk', role: 'front_desk', password: 'blue kettle morning 7' });
    const deskCaller = cliCaller(host, desk.id);
    expect((await host.call('members/list', {}, deskCaller)).ok).toBe(true);
    expect(await host.call('plans/approve', { planId: plan.id }, deskCaller)).toMatchObject({ ok: false, error: { reason: 'forbidden' } });
  });
});

describe('host workers', () => {
  it('cancels an import in its worker, leaving the stored sets whole (none or all)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'studio-cancel-'));
    const h = createHost(join(d, 'studio.db'));
    try {
      const who = await createFirstManager(h);
      const controller = new AbortController();
      const env = await h.call('imports/strong', { fileName: 'strong.csv', content: readFileSync(STRONG, 'utf8'), memberName: 'Cancelled' }, who,
        (_f, message) => { if (message.startsWith('Storing')) controller.abort(); }, controller.signal);
      expect(env).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
      const count = (h.store.sqlite.prepare('SELECT count(*) AS c FROM set_logs').get() as { c: number }).c;
      expect([0, 6777]).toContain(count);
    } finally {
      h.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
