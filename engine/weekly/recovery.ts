/**
 * Fatigue and recovery of a week from daily check-ins (1–10; fatigue and soreness 10 = worst).
 * Recovery score = mean of sleep, energy, 11 − fatigue and 11 − soreness, so 10 is best on every
 * term. Check-ins with an unreadable `at` are skipped. Pure.
 */
import type { CheckIn } from '../progression/types';
import type { Recovery } from './types';

const WEEK_MS = 7 * 86_400_000;
const mean = (v: readonly number[]): number | null => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length);

/** Recovery of the week starting `weekStartMs`, with mean fatigue of the `weeks − 1` weeks before. */
export function checkInRecovery(checkIns: readonly CheckIn[], weekStartMs: number, weeks: number): Recovery {
  const now: CheckIn[] = [];
  const before: CheckIn[] = [];
  const fromMs = weekStartMs - (weeks - 1) * WEEK_MS;
  for (const c of checkIns) {
    const ms = Date.parse(c.at);
    if (ms >= weekStartMs && ms < weekStartMs + WEEK_MS) now.push(c);
    else if (ms >= fromMs && ms < weekStartMs) before.push(c);
  }
  const meanFatigue = mean(now.map((c) => c.fatigue));
  const meanSoreness = mean(now.map((c) => c.soreness));
  const meanSleep = mean(now.map((c) => c.sleep));
  const meanEnergy = mean(now.map((c) => c.energy));
  const recoveryScore = mean(now.map((c) => (c.sleep + c.energy + (11 - c.fatigue) + (11 - c.soreness)) / 4));
  return {
    checkIns: now.length, meanFatigue, meanSoreness, meanSleep, meanEnergy, recoveryScore,
    previousMeanFatigue: mean(before.map((c) => c.fatigue)),
    painReported: now.some((c) => c.painReported),
    painNotes: now.flatMap((c) => (c.painReported && c.painNote !== undefined && c.painNote !== '' ? [c.painNote] : [])),
    illness: now.some((c) => c.illness),
  };
}
