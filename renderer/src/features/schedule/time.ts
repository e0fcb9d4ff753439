/** Times of day, weekdays and weeks as the schedule screens show them (0 = Monday; minutes after midnight). */
import { addDays } from '../../../../engine/scheduler/demand/calendar';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday] ?? `day ${weekday}`;
}

/** 485 → `08:05`. */
export function hhmm(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `08:05` → 485; null when not a time (the engine's parser). */
export { parseTime as parseHhmm } from '../../../../engine/scheduler/check';

/** `Mon 08:00–14:00, Tue 10:00–18:00` (sorted by day and time). */
export function windowsSummary(windows: readonly WeeklyWindow[]): string {
  if (windows.length === 0) return '—';
  return [...windows]
    .sort((a, b) => a.weekday - b.weekday || a.startMin - b.startMin)
    .map((w) => `${weekdayName(w.weekday)} ${hhmm(w.startMin)}–${hhmm(w.endMin)}`)
    .join(', ');
}

/** ISO date plus days (UTC calendar arithmetic, no time zone drift). */
export { addDays };

export function isMonday(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).getUTCDay() === 1;
}

/** The Monday of the week after today (today's local date). */
export function nextMonday(today: Date = new Date()): string {
  const local = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const toMonday = ((8 - local.getUTCDay()) % 7) || 7;
  local.setUTCDate(local.getUTCDate() + toMonday);
  return local.toISOString().slice(0, 10);
}

/** The Monday on or before a date. */
export function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return addDays(iso, -((d.getUTCDay() + 6) % 7));
}

/** `Mon 3 Mar` for a date of the week. */
export function dayLabel(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${weekdayName((d.getUTCDay() + 6) % 7)} ${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })}`;
}

export function round1(x: number): string {
  return (Math.round(x * 10) / 10).toLocaleString('en-GB');
}
