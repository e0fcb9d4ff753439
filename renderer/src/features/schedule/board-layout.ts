/** Geometry of the week board: which days show, the time axis, and snapping a drop to the slot grid. */
import type { ScheduledClassView } from '../../../../main/contract/index';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';

export const PX_PER_MIN = 1;
/** Narrowest room sub-column; wider when the screen allows. */
export const ROOM_COLUMN_PX = 40;

export interface BoardAxis { days: number[]; startMin: number; endMin: number }

/** Days with opening hours (or classes), and a time axis from the earliest opening to the latest closing, on whole hours. */
export function boardAxis(hours: readonly WeeklyWindow[], classes: readonly ScheduledClassView[]): BoardAxis {
  const days = [...new Set([...hours.map((w) => w.weekday), ...classes.map((c) => c.weekday)])].sort((a, b) => a - b);
  const starts = [...hours.map((w) => w.startMin), ...classes.map((c) => c.startMin)];
  const ends = [...hours.map((w) => w.endMin), ...classes.map((c) => c.endMin)];
  const startMin = starts.length ? Math.floor(Math.min(...starts) / 60) * 60 : 8 * 60;
  const endMin = ends.length ? Math.ceil(Math.max(...ends) / 60) * 60 : 20 * 60;
  return { days, startMin, endMin };
}

/**
 * The start time a drop means: the nearest start on the slot grid (opening + k · slotMin) of the
 * day's opening window closest to `minute`. Outside the opening hours it still snaps to the grid
 * of the nearest window, and the host says why the place is refused.
 */
export function snapStart(minute: number, weekday: number, hours: readonly WeeklyWindow[], slotMin: number): number {
  const windows = hours.filter((w) => w.weekday === weekday);
  if (windows.length === 0) return Math.max(0, Math.round(minute / slotMin) * slotMin);
  const distance = (w: WeeklyWindow) => (minute < w.startMin ? w.startMin - minute : minute >= w.endMin ? minute - w.endMin : 0);
  const w = windows.reduce((best, x) => (distance(x) < distance(best) ? x : best));
  const k = Math.round((minute - w.startMin) / slotMin);
  return Math.max(0, Math.min(1440, w.startMin + k * slotMin));
}

/** Closed stretches of a day on the axis, for shading. */
export function closedStretches(weekday: number, hours: readonly WeeklyWindow[], axis: BoardAxis): Array<[number, number]> {
  const open = hours.filter((w) => w.weekday === weekday).sort((a, b) => a.startMin - b.startMin);
  const out: Array<[number, number]> = [];
  let t = axis.startMin;
  for (const w of open) {
    if (w.startMin > t) out.push([t, w.startMin]);
    t = Math.max(t, w.endMin);
  }
  if (t < axis.endMin) out.push([t, axis.endMin]);
  return out;
}
