/**
 * The coach end to end, on a studio of its own whose clock starts on Saturday 5 December 2026 at
 * 11:00 in Berlin: a trainer asks for availability, the coach (rules mode) proposes a PT booking,
 * the trainer confirms it on the card and the booking exists; a plan drafted by the coach lands as
 * a draft that waits for approval. Then a manager loads the tiny random-weight GGUF fixture in
 * Settings, and the same chat answers in model mode, streamed (STUDIO_COACH_MAX_TOKENS=64).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_WEIGHTS } from '../engine/scheduler/types';
import { writeTinyLlamaGguf } from '../main/coach/tiny-gguf';
import { StudioApp } from './page-models/studio-app';
import { MANAGER } from './page-models/staff';
import { CoachPanel } from './page-models/coach-panel';
import { snap } from './page-models/shots';
import { startOwnStudio, type OwnStudio } from './support/own-studio';

const TRAINER = { name: 'Tom Trainer', username: 'tomt', password: 'First-pass-4821', newPassword: 'Brisk-river-9034' };
const allWeek = (startMin: number, endMin: number) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMin, endMin }));
const CLUB = {
  rooms: [{ id: 'studio', name: 'Studio A', capacity: 10, type: 'studio', equipment: [] }],
  classTypes: [{ id: 'hiit', name: 'HIIT', durationMin: 60, maxCapacity: 20, price: 10, requiredQualification: 'hiit', allowedRoomTypes: ['studio'], requiredEquipment: [], minPerWeek: 0, maxPerWeek: 30, color: '#e53935', demandShare: 0.03 }],
  trainers: [
    { id: 'anna', name: 'Anna', qualifications: ['hiit'], availability: allWeek(360, 1320), absences: [], maxHoursPerWeek: 60, preferred: [], avoided: [] },
    { id: 'ben', name: 'Ben', qualifications: ['hiit'], availability: allWeek(480, 1080), absences: [], maxHoursPerWeek: 60, preferred: [], avoided: [] },
  ],
  openingHours: allWeek(360, 1320), slotMin: 60, trainerGapMin: 15, timezone: 'Europe/Berlin', weights: { ...DEFAULT_WEIGHTS },
};

let studio: OwnStudio;
let memberId: number;

async function api<T>(name: string, input: unknown, token: string | null = null): Promise<T> {
  const res = await fetch(`${studio.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  process.env.STUDIO_COACH_MAX_TOKENS = '64';
  studio = await startOwnStudio({ serveArgs: ['--clock-start', '2026-12-05T10:00:00Z'] });
  const { token } = await api<{ token: string }>('auth/create-first', { name: MANAGER.name, username: MANAGER.username, password: MANAGER.password });
  await api('schedule/save-club', { setup: CLUB }, token);
  memberId = (await api<{ id: number }>('members/create', { name: 'Sara Lind', goal: 'general_fitness', level: 'intermediate', daysPerWeek: 3, sessionMinutes: 60, birthYear: 1992 }, token)).id;
  await api('staff/create', { name: TRAINER.name, username: TRAINER.username, role: 'trainer', password: TRAINER.password }, token);
  const first = await api<{ token: string }>('auth/sign-in', { username: TRAINER.username, password: TRAINER.password });
  await api('auth/change-password', { currentPassword: TRAINER.password, newPassword: TRAINER.newPassword }, first.token);
});
test.afterAll(async () => { await studio?.stop(); });

test('a trainer asks for availability, confirms the booking the coach proposes, and gets a coach-drafted plan as a draft', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open({ ...TRAINER, password: TRAINER.newPassword }, `${studio.url}/#/members/${memberId}`);
  const coach = new CoachPanel(page);
  await expect(coach.mode).toHaveText('rules mode');
  await expect(coach.root.getByTestId('coach-hint')).toContainText('node-llama-cpp pull');

  const free = await coach.ask('is Ben free next monday at 10am?');
  await expect(free).toContainText('PT with Ben: Mon 7 Dec, 10:00');
  await expect(free.getByTestId('coach-sources')).toContainText('Sara Lind');

  const proposal = await coach.ask('Book Sara a PT with Ben on monday at 10am');
  await expect(proposal).toContainText('Proposed: PT for Sara Lind with Ben, Mon 7 Dec, 10:00 (60 min)');
  const card = coach.lastAction();
  await expect(card).toHaveAttribute('data-status', 'pending');
  expect(await app.call('appointments/list', { memberId, from: '2026-12-07', days: 1 })).toMatchObject({ ok: true, value: [] });
  await snap(page, 'coach-01-proposed-booking');
  await card.getByTestId('coach-action-confirm').click();
  await expect(card).toHaveAttribute('data-status', 'confirmed');
  const booked = await app.call<Array<{ trainerName: string; startsAt: string; source: string }>>('appointments/list', { memberId, from: '2026-12-07', days: 1 });
  expect(booked.value).toEqual([expect.objectContaining({ trainerName: 'Ben', startsAt: '2026-12-07T09:00:00.000Z', source: 'coach' })]);

  const draft = await coach.ask('Make Sara a 3-day beginner plan, no barbell');
  await expect(draft).toContainText('Draft a 3-day beginner 4-week plan for Sara Lind, without barbell');
  const planCard = coach.lastAction();
  await planCard.getByTestId('coach-action-confirm').click();
  await expect(planCard).toHaveAttribute('data-status', 'confirmed');
  await snap(page, 'coach-02-plan-drafted');
  await planCard.getByTestId('coach-action-plan-link').click();
  await expect(page.getByTestId('plan-page')).toBeVisible();
  const plans = await app.call<Array<{ status: string; approvedAt: string | null; daysPerWeek: number; generatedBy: string }>>('plans/list', { memberId });
  expect(plans.value).toEqual([expect.objectContaining({ status: 'draft', approvedAt: null, daysPerWeek: 3, generatedBy: 'ai' })]);
});

test('a manager loads the tiny GGUF in Settings; the chat then answers in model mode, streamed', async ({ page }) => {
  mkdirSync(join(studio.dbDir, 'models'), { recursive: true });
  writeTinyLlamaGguf(join(studio.dbDir, 'models', 'tiny.gguf'), { seed: 11 });
  const app = new StudioApp(page);
  await app.open(MANAGER, `${studio.url}/#/settings`);
  const settings = page.getByTestId('coach-settings');
  const row = settings.getByTestId('coach-model-tiny.gguf');
  await expect(row).toContainText('ALL_F32');
  await row.getByTestId('coach-model-load').click();
  await expect(settings.getByTestId('coach-model-stats')).toContainText(/tiny-random-llama: loaded in \d+ ms, [\d.]+ tokens\/s/, { timeout: 60_000 });
  await expect(settings.getByTestId('coach-mode')).toHaveText('model: tiny-random-llama');
  await snap(page, 'coach-03-model-loaded');

  await page.goto(`${studio.url}/#/members/${memberId}`);
  const coach = new CoachPanel(page);
  await expect(coach.mode).toHaveText('model: tiny-random-llama');
  const answer = await coach.ask('What can replace the barbell back squat?');
  await expect(answer.getByTestId('coach-sources')).toBeVisible();
  // Over HTTP the answer streams as NDJSON progress events (one per text chunk), then the envelope.
  const res = await fetch(`${studio.url}/api/coach/ask`, {
    method: 'POST', body: JSON.stringify({ memberId, text: 'Any tips for her squat?' }),
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', authorization: `Bearer ${await app.token()}` },
  });
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { progress?: { message: string }; ok?: boolean; value?: { answer: string; mode: string } });
  const chunks = lines.filter((l) => l.progress).map((l) => l.progress!.message);
  const last = lines.at(-1)!;
  expect(last).toMatchObject({ ok: true, value: { mode: 'model' } });
  // A random-weight model may stop early (it can emit its end token), so: more than one chunk.
  expect(chunks.length).toBeGreaterThan(1);
  expect(chunks.join('').trim()).toBe(last.value!.answer.trim());
  const conv = await app.call<{ messages: Array<{ role: string; mode: string | null; modelName: string | null }> }>('coach/conversation', { memberId });
  expect(conv.value!.messages.filter((m) => m.role === 'coach')[0]).toMatchObject({ role: 'coach', mode: 'model', modelName: 'tiny-random-llama' });
});
