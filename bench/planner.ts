/**
 * The planner benchmark: plan generation time over many runs on the real Strong export's
 * history, the Strong import time on a fresh database, and the cold start of `studio serve`
 * to the first rendered page in Chromium.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { generatePlan } from '../engine/planner/index';
import { allExercises } from '../db/exercises';
import { memberSetRecords } from '../db/history';
import { createTestHost } from '../main/host/testkit';
import type { StrongImportReport } from '../main/contract/index';
import { percentile, round, timed } from './stats';

const STRONG = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function importAndPlan(dir: string, log: (l: string) => void) {
  const { host, manager: caller } = await createTestHost(join(dir, 'bench.db'));
  const content = readFileSync(STRONG, 'utf8');
  const imported = await timed(() => host.call('imports/strong', { fileName: 'strong.csv', content, memberName: 'Bench Lifter' }, caller));
  if (!imported.value.ok) throw new Error(imported.value.error.message);
  const report = imported.value.value as StrongImportReport;
  log(`imported ${report.setsStored} sets in ${round(imported.ms)} ms`);
  const library = allExercises(host.store.db);
  const history = memberSetRecords(host.store.db, report.memberId);
  const member = {
    id: report.memberId, name: 'Bench Lifter', goal: 'hypertrophy' as const, level: 'intermediate' as const, daysPerWeek: 4,
    sessionMinutes: 60, equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'body_only', 'pullup_bar'] as const,
    excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg' as const, bodyMassKg: null,
  };
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const weeks = 1 + (i % 12);
    const t0 = performance.now();
    generatePlan({ member: { ...member, equipment: [...member.equipment], daysPerWeek: 2 + (i % 5) }, library, history, weeks, now: '2024-01-01T00:00:00Z' });
    times.push(performance.now() - t0);
  }
  host.close();
  times.sort((a, b) => a - b);
  log(`generated ${times.length} plans (1–12 weeks, 2–6 days) against ${library.length} exercises and ${history.length} sets`);
  return { strong_import_ms: round(imported.ms), plan_p50_ms: round(percentile(times, 50)), plan_p95_ms: round(percentile(times, 95)) };
}

/**
 * Spawns `studio serve` on a free port and loads the page until the members table renders.
 * The browser is started first and not counted: the figure is server start + first page.
 */
async function coldStart(dir: string, log: (line: string) => void): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/studio.mjs', '--db', join(dir, 'cold.db'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/\S+)/.exec(out);
        if (m) res(m[1]!);
      });
      child.on('exit', (code) => rej(new Error(`serve exited with ${code}`)));
    });
    const listening = performance.now() - t0;
    await page.goto(url);
    await page.getByTestId('members-table').waitFor({ timeout: 30_000 });
    const ms = performance.now() - t0;
    log(`serve listening after ${round(listening, 0)} ms, members table rendered after ${round(ms, 0)} ms`);
    return ms;
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}

export async function planner(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-bench-'));
  try {
    const figures = await importAndPlan(dir, log);
    await import('../main/cli/serve').then(async (m) => {
      // Build the renderer before timing, so the cold start measures the server and the page only.
      const { existsSync } = await import('node:fs');
      if (!existsSync(join(m.RENDERER_DIR, 'index.html'))) {
        const { build } = await import('vite');
        await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
      }
    });
    const serve = await coldStart(dir, log);
    return { ...figures, serve_cold_start_ms: round(serve, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
