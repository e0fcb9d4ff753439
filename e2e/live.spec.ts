/**
 * The live class monitor in Chromium on a studio of its own, its clock started inside a class
 * (Monday 7 December 2026, 18:10 in Berlin): a week with that class is published, members are
 * checked in (walk-ins: booking closes when a class starts) through the API; then, in the UI, the class runs on the simulated feed
 * (labelled SIMULATED), a high-heart-rate alert appears and is acknowledged, and after a dropped
 * WebSocket the monitor reconnects with the whole state.
 */
import { expect, test } from '@playwright/test';
import type { ClassWeekView, LiveView, OptimizeView, ScenarioView, SignedInView } from '../main/contract/index';
import { LivePage } from './page-models/live-page';
import { snap, snapElement } from './page-models/shots';
import { MANAGER } from './page-models/staff';
import { StudioApp } from './page-models/studio-app';
import { startOwnStudio, type OwnStudio } from './support/own-studio';

const CLOCK = '2026-12-07T17:10:00Z';
const WEEK = '2026-12-07';
/** One studio, HIIT, one trainer, open only Monday 18:00–19:00 (Berlin): the one class the test runs. */
const CLUB = {
  rooms: [{ id: 'studio', name: 'Studio A', capacity: 12, type: 'studio', equipment: [] }],
  classTypes: [{ id: 'hiit', name: 'HIIT', durationMin: 60, maxCapacity: 12, price: 10, requiredQualification: 'hiit', allowedRoomTypes: ['studio'], requiredEquipment: [], minPerWeek: 0, maxPerWeek: 1, color: '#e53935', demandShare: 0.05 }],
  trainers: [{ id: 'anna', name: 'Anna', qualifications: ['hiit'], availability: [{ weekday: 0, startMin: 1080, endMin: 1140 }], absences: [], maxHoursPerWeek: 10, preferred: [], avoided: [] }],
  openingHours: [{ weekday: 0, startMin: 1080, endMin: 1140 }],
  slotMin: 60, trainerGapMin: 15, timezone: 'Europe/Berlin',
  weights: { attendance: 0.6, idle: 0.2, balance: 0.1, revenue: 0.1, preference: 0 },
};

let studio: OwnStudio;
test.beforeAll(async () => { studio = await startOwnStudio({ serveArgs: ['--clock-start', CLOCK] }); });
test.afterAll(async () => { await studio.stop(); });

async function call<T>(token: string | null, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${studio.url}/api/${name}`, {
    method: 'POST', body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { reason: string; message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error!.reason}: ${env.error!.message}`);
  return env.value!;
}

/** A published week with the Monday 18:00 HIIT class, six members checked in. */
async function runningClass(): Promise<{ occurrenceId: number; memberIds: number[] }> {
  const first = await call<SignedInView>(null, 'auth/create-first', { name: MANAGER.name, username: MANAGER.username, password: MANAGER.password });
  const token = first.token!;
  await call(token, 'schedule/save-club', { setup: CLUB });
  const optimized = await call<OptimizeView>(token, 'schedule/optimize', { weekStart: WEEK, timeLimitS: 10 });
  if (!optimized.scenario) throw new Error(`no timetable: ${optimized.explanation.join(' ')}`);
  let scenario = optimized.scenario;
  if (!scenario.classes.some((c) => c.weekday === 0 && c.startMin === 1080)) {
    scenario = await call<ScenarioView>(token, 'schedule/add-class', { scenarioId: scenario.id, classTypeId: 'hiit', weekday: 0, startMin: 1080, roomId: 'studio', trainerId: 'anna' });
  }
  await call(token, 'schedule/publish', { scenarioId: scenario.id });
  const week = await call<ClassWeekView>(token, 'classes/week', { weekStart: WEEK });
  const occurrence = week.classes.find((o) => o.startsAt === '2026-12-07T17:00:00.000Z')!;
  const memberIds: number[] = [];
  const people = [['Ana Ortiz', 'Ana'], ['Ben Okafor', null], ['Cleo Park', 'Cleo'], ['Dev Rao', null], ['Eli Stone', 'Eli'], ['Fay Lin', null]] as const;
  for (const [i, [name, nickname]] of people.entries()) {
    const m = await call<{ id: number }>(token, 'members/create', { name, birthYear: 1980 + i * 3, restingHrBpm: 55 + i * 2, nickname });
    await call(token, 'classes/check-in', { occurrenceId: occurrence.id, memberId: m.id, walkIn: true });
    memberIds.push(m.id);
  }
  await call(token, 'auth/sign-out', {});
  return { occurrenceId: occurrence.id, memberIds };
}

test('a class on the simulated feed: tiles, an alert acknowledged, a reconnect keeps the state', async ({ page }) => {
  const { occurrenceId, memberIds } = await runningClass();
  const app = new StudioApp(page);
  const live = new LivePage(page);
  await app.open(MANAGER, studio.url);
  await live.open(occurrenceId);
  await live.waitUntilLive();
  await expect(live.title).toHaveText('HIIT · live');
  await expect(live.tiles).toHaveCount(6);
  await expect(live.tile(memberIds[0]!)).toContainText('Ana');
  await expect(live.tile(memberIds[1]!)).toContainText('Ben Okafor');
  await expect(live.simulatedChip).toBeHidden();

  await live.startSimulated(30);
  await expect(live.simulatedBanner).toContainText('SIMULATED');
  await expect(live.tile(memberIds[0]!).getByTestId('live-bpm')).toHaveText(/^\d{2,3}$/);
  const alert = live.openAlert('high_heart_rate');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('% of max');
  await snap(page, 'live-01-monitor-alert');
  await snapElement(page, live.root, 'live-02-monitor');
  const acknowledged = await live.acknowledge(alert);

  // The host logged it.
  const token = await app.token();
  const audit = await app.callWithToken<{ entries: Array<{ action: string }> }>(token, 'audit/list', { action: 'live.alert.acknowledge' });
  expect(audit.value!.entries.map((e) => e.action)).toContain('live.alert.acknowledge');

  // Drop the socket: the page reconnects and gets the whole state back, acknowledgement included.
  await live.dropAndReconnect();
  await expect(page.getByTestId(acknowledged)).toHaveAttribute('data-acknowledged', 'true');
  const state = await app.callWithToken<LiveView>(token, 'live/state', { occurrenceId });
  expect(state.value!.simulated).toBe(true);
  expect(state.value!.alerts.find((a) => `live-alert-${String(a.id)}` === acknowledged)!.acknowledgedAt).not.toBeNull();
  await snap(page, 'live-03-after-reconnect');
});
