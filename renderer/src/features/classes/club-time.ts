/** Club-local times for people, through `Intl` with the club's time zone (the host stores UTC instants). */

export function clubClock(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function clubDay(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

export function clubDayTime(iso: string, timezone: string): string {
  return `${clubDay(iso, timezone)}, ${clubClock(iso, timezone)}`;
}

export const STATUS_LABEL: Record<string, string> = {
  booked: 'booked', waitlisted: 'waitlisted', checked_in: 'checked in', cancelled: 'cancelled', late_cancelled: 'late cancel', no_show: 'no-show',
  scheduled: 'scheduled', running: 'running', ended: 'ended',
};
