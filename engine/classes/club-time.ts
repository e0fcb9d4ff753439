/**
 * Club-local wall time ↔ UTC instants through `Intl` (the club's IANA time zone). The scheduler
 * keeps dates and minutes after midnight in club-local time; occurrences store UTC instants.
 */

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (e.g. +60 for Europe/Berlin in winter). */
export function zoneOffsetMin(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant (epoch ms) of club-local `date` (YYYY-MM-DD) at `minute` after midnight.
 * In a spring-forward gap the wall time is read with the offset before the change.
 */
export function clubLocalToUtc(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  let ms = wall - zoneOffsetMin(timeZone, wall) * 60_000;
  ms = wall - zoneOffsetMin(timeZone, ms) * 60_000;
  return ms;
}

/** Club-local date (YYYY-MM-DD) and minutes after midnight of instant `ms`. */
export function utcToClubLocal(ms: number, timeZone: string): { date: string; minute: number } {
  const local = ms + zoneOffsetMin(timeZone, ms) * 60_000;
  const d = new Date(local);
  return { date: d.toISOString().slice(0, 10), minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}
