/**
 * The coach's read tools on a member with a history (the labelled demo club): progress from the
 * e1RM series, explaining a recommendation from its stored reasoning and safety overrides, and
 * both refused for front desk (the same access as `history/e1rm` and `recommendations/list`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaff } from '../../db/staff';
import { cliCaller, type Host } from '../host/host';
import { createTestHost } from '../host/testkit';
import type { Caller } from '../host/context';
import type { CoachAnswerView, DemoClubReport, PlanView, RecommendationView } from '../contract/index';
import { valueOf } from '../handlers/classes/testkit';

let dir: string;
let host: Host;
let manager: Caller;
let desk: Caller;
let memberId: number;
let recs: RecommendationView[];
const ok = async <T>(name: string, input: unknown, as: Caller = manager) => valueOf<T>(await host.call(name, input, as), name);
const ask = (text: string, as: Caller = manager) => ok<CoachAnswerView>('coach/ask', { memberId, text }, as);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-coach-history-'));
  ({ host, manager } = await createTestHost(join(dir, 'club.db'), { now: () => new Date('2026-11-23T09:00:00Z') }));
  desk = cliCaller(host, createStaff(host.store.db, 'Fred Desk', 'front_desk').id);
  memberId = (await ok<DemoClubReport>('demo/create', { seed: 11, members: 1 })).members[0]!.id;
  const plan = await ok<PlanView>('plans/generate', { memberId, weeks: 4 });
  await ok('plans/approve', { planId: plan.id });
  await ok('checkins/create', { memberId, sleep: 7, fatigue: 3, soreness: 3, energy: 7 });
  recs = await ok<RecommendationView[]>('recommendations/generate', { memberId });
}, 60_000);
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the coach on a member with a history', () => {
  it('reports progress from the e1RM series', async () => {
    const a = await ask('how is she progressing?');
    expect(a.toolCalls).toEqual([{ tool: 'get_member_progress', args: {} }]);
    expect(a.answer).toMatch(/e1RM \d+\.\d → \d+\.\d kg \([+-]?\d+ %\) over \d+ sessions/);
  });

  it('explains the latest recommendation with its reasoning, and says when there is none for an exercise', async () => {
    expect(recs.length).toBeGreaterThan(0);
    const [latest] = await ok<RecommendationView[]>('recommendations/list', { memberId });
    const a = await ask('explain the recommendation');
    expect(a.answer).toContain(`${latest!.exerciseName} (${latest!.type}`);
    expect(a.answer).toContain(latest!.reasoning);
    const squat = recs.find((r) => /squat/i.test(r.exerciseName));
    if (squat) expect((await ask('why did the app change her squat load?')).answer).toContain(squat.exerciseName);
    expect(recs.some((r) => /sumo/i.test(r.exerciseName))).toBe(false);
    expect((await ask('why did the app change her sumo deadlift load')).answer).toMatch(/There is no recommendation for sumo deadlift/);
  });

  it('refuses both for front desk, naming the reason', async () => {
    expect((await ask('how is she progressing?', desk)).answer).toMatch(/^I cannot do that for you/m);
    expect((await ask('explain the recommendation', desk)).answer).toMatch(/^I cannot do that for you/m);
  });
});
