/**
 * "Each week, for each active member": while the studio runs (serve or the desktop app), the
 * weekly analysis runs once per ISO week for every member with an approved plan. The week last
 * run is kept in settings, so a restart does not run it twice; proposals still wait for a trainer.
 */
import { mondayOf } from '../../engine/e1rm/dates';
import { getSetting, putSetting } from '../../db/settings';
import type { Host } from './host';
import { SYSTEM_CALLER } from './host';

export const LAST_RUN_KEY = 'weekly.lastRunWeek';
const HOUR_MS = 3_600_000;

/** Runs the analysis if this week has not been run yet; returns the week run, or null. */
export async function weeklyTick(host: Host, now: Date): Promise<string | null> {
  const week = mondayOf(now.getTime());
  if (getSetting(host.store.db, LAST_RUN_KEY) === week) return null;
  const env = await host.call('weekly/analyze-all', {}, SYSTEM_CALLER);
  if (!env.ok) {
    console.error(`[studio] the weekly analysis failed: ${env.error.message}`);
    return null;
  }
  putSetting(host.store.db, LAST_RUN_KEY, week, null);
  const v = env.value as { analyzed: unknown[]; skipped: unknown[] };
  console.log(`[studio] weekly analysis for the week of ${week}: ${v.analyzed.length} members analysed, ${v.skipped.length} skipped`);
  return week;
}

/** Checks every hour (and once now); returns a function that stops the schedule. */
export function startWeeklySchedule(host: Host, now: () => Date = () => new Date()): () => void {
  void weeklyTick(host, now());
  const timer = setInterval(() => { void weeklyTick(host, now()); }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
