/**
 * Dates and times as staff type them at the front desk: "next Tue 6pm", "tomorrow at 7",
 * "friday morning", "today", "on the 12th", "8/12", "Dec 8", "18:30", "6.30pm", "noon".
 * Everything is in the club's local time: `today` is the club-local date (YYYY-MM-DD) and the result
 * is a local date plus a local time of day (HH:MM) or a part of the day.
 * An hour of 1–6 without am/pm is read as pm (nobody books a 3 am session); 7–11 stays am.
 */
import { tokenize } from './text';

export interface When {
  /** Club-local date, YYYY-MM-DD. */
  date: string | null;
  /** Club-local time of day, HH:MM. */
  time: string | null;
  /** A part of the day when no exact time was given: morning 06–12, afternoon 12–17, evening 17–21. */
  part: 'morning' | 'afternoon' | 'evening' | null;
  /** "this week" / "next week": 7 days from the date. */
  week: boolean;
}

const WEEKDAYS: Record<string, number> = {
  mon: 0, monday: 0, tue: 1, tues: 1, tuesday: 1, wed: 2, weds: 2, wednesday: 2, thu: 3, thur: 3, thurs: 3, thursday: 3,
  fri: 4, friday: 4, sat: 5, saturday: 5, sun: 6, sunday: 6,
};
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
/** Weekday and month words, for the typo corrector's vocabulary. */
export const WHEN_WORDS = [...Object.keys(WEEKDAYS), ...Object.keys(MONTHS).filter((m) => m.length > 3), 'today', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'noon', 'next', 'week'];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
const pad = (n: number) => String(n).padStart(2, '0');

function parseTime(tokens: string[], i: number): { time: string; used: number } | null {
  const t = tokens[i]!;
  const m = /^([0-9]{1,2})(?:[:.]([0-9]{2}))?(am|pm)?$/.exec(t);
  if (!m) return null;
  let suffix = m[3];
  let used = 1;
  const next = tokens[i + 1];
  if (!suffix && next && (next === 'am' || next === 'pm' || /^[ap]m$/.test(next))) { suffix = next; used = 2; }
  if (!suffix && tokens[i + 1]?.startsWith('pm')) { suffix = 'pm'; used = 2; }
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  // A bare number counts as a time only after "at" or with minutes / am / pm.
  if (!suffix && !m[2] && tokens[i - 1] !== 'at' && tokens[i - 1] !== 'around' && tokens[i - 1] !== 'for') return null;
  if (hour > 23 || minute > 59) return null;
  if (suffix === 'pm' && hour < 12) hour += 12;
  if (suffix === 'am' && hour === 12) hour = 0;
  if (!suffix && hour >= 1 && hour <= 6) hour += 12;
  return { time: `${pad(hour)}:${pad(minute)}`, used };
}

/** Reads the first date and time named in `text`, relative to the club-local `today` (YYYY-MM-DD). */
export function parseWhen(text: string, today: string, corrected?: readonly string[]): When {
  const tokens = [...(corrected ?? tokenize(text))];
  const out: When = { date: null, time: null, part: null, week: false };
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (out.date === null) {
      if (t === 'today' || t === 'tonight') out.date = today;
      else if (t === 'tomorrow' || t === 'tmrw' || t === 'tmr') out.date = addDays(today, 1);
      else if (t in WEEKDAYS) {
        const target = WEEKDAYS[t]!;
        let delta = (target - weekdayOf(today) + 7) % 7;
        if (tokens[i - 1] === 'next' && delta === 0) delta = 7;
        out.date = addDays(today, delta);
      } else if (t === 'week' && (tokens[i - 1] === 'next' || tokens[i - 1] === 'this')) {
        out.week = true;
        out.date = tokens[i - 1] === 'next' ? addDays(today, 7 - weekdayOf(today)) : today;
      } else if (t in MONTHS && /^[0-9]{1,2}(st|nd|rd|th)?$/.test(tokens[i + 1] ?? '')) {
        out.date = `${year}-${pad(MONTHS[t]!)}-${pad(parseInt(tokens[i + 1]!, 10))}`;
        i++;
        continue;
      } else if (/^[0-9]{1,2}(st|nd|rd|th)$/.test(t) && (tokens[i + 1] ?? '') in MONTHS) {
        out.date = `${year}-${pad(MONTHS[tokens[i + 1]!]!)}-${pad(parseInt(t, 10))}`;
        i++;
        continue;
      } else if (/^[0-9]{1,2}(st|nd|rd|th)$/.test(t) && tokens[i - 1] === 'the') {
        const day = parseInt(t, 10);
        let month = Number(today.slice(5, 7));
        let y = year;
        if (day < Number(today.slice(8, 10))) { month++; if (month > 12) { month = 1; y++; } }
        out.date = `${y}-${pad(month)}-${pad(day)}`;
        continue;
      } else if (/^[0-9]{1,2}\/[0-9]{1,2}$/.test(t)) {
        const [d, m] = t.split('/').map(Number) as [number, number];
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31) { out.date = `${year}-${pad(m)}-${pad(d)}`; continue; }
      }
    }
    if (out.time === null) {
      if (t === 'noon' || t === 'midday') { out.time = '12:00'; continue; }
      const parsed = parseTime(tokens, i);
      if (parsed) { out.time = parsed.time; i += parsed.used - 1; continue; }
    }
    if (out.part === null && (t === 'morning' || t === 'afternoon' || t === 'evening')) out.part = t;
    if (out.part === null && t === 'tonight') out.part = 'evening';
  }
  if (out.date !== null && out.date < today && !out.week) out.date = `${year + 1}${out.date.slice(4)}`;
  return out;
}

/** The local time window of a part of the day, as HH:MM from–to. */
export function partWindow(part: NonNullable<When['part']>): { from: string; to: string } {
  return part === 'morning' ? { from: '06:00', to: '12:00' } : part === 'afternoon' ? { from: '12:00', to: '17:00' } : { from: '17:00', to: '21:00' };
}

export { addDays };
