/**
 * The Club dashboard's figures (issue 12, part 5) from ended classes. Pure aggregation; rates
 * are fractions 0–1:
 * - fill rate = attended ÷ capacity (places);
 * - waitlist rate = bookings that went onto the waitlist ÷ bookings (walk-ins are not bookings);
 * - no-show rate = no-shows ÷ (no-shows + members who booked and came).
 * Hours are club-local start hours. Busiest and quietest hours rank hours by mean attendance.
 */

export interface EndedClass {
  id: number; weekStart: string; date: string; startMin: number; classTypeId: string; className: string; capacity: number;
  predicted: number | null; bookings: number; attended: number; walkIns: number; noShows: number; everWaitlisted: number;
}

export interface Rates {
  classes: number; capacity: number; bookings: number; attended: number; waitlisted: number; noShows: number;
  fillRate: number; waitlistRate: number; noShowRate: number; predicted: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Sums and rates of a group of classes. */
export function ratesOf(list: readonly EndedClass[]): Rates {
  const sum = (f: (c: EndedClass) => number) => list.reduce((s, c) => s + f(c), 0);
  const capacity = sum((c) => c.capacity);
  const bookings = sum((c) => c.bookings);
  const attended = sum((c) => c.attended);
  const noShows = sum((c) => c.noShows);
  const cameBooked = attended - sum((c) => c.walkIns);
  const waitlisted = sum((c) => c.everWaitlisted);
  return {
    classes: list.length, capacity, bookings, attended, waitlisted, noShows,
    fillRate: capacity > 0 ? r3(attended / capacity) : 0,
    waitlistRate: bookings > 0 ? r3(waitlisted / bookings) : 0,
    noShowRate: noShows + cameBooked > 0 ? r3(noShows / (noShows + cameBooked)) : 0,
    predicted: Math.round(sum((c) => c.predicted ?? 0) * 10) / 10,
  };
}

function groupBy<K>(list: readonly EndedClass[], key: (c: EndedClass) => K): Map<K, EndedClass[]> {
  const m = new Map<K, EndedClass[]>();
  for (const c of list) (m.get(key(c)) ?? m.set(key(c), []).get(key(c))!).push(c);
  return m;
}

export interface ClubStats {
  total: Rates;
  byClassType: Array<Rates & { classTypeId: string; name: string }>;
  byHour: Array<Rates & { hour: number; avgAttended: number }>;
  byWeek: Array<Rates & { weekStart: string }>;
  predictedVsActual: Array<{ occurrenceId: number; label: string; predicted: number | null; actual: number }>;
  busiestHours: number[];
  quietestHours: number[];
}

/** The dashboard from ended classes; `top` hours listed as busiest and quietest. */
export function clubStats(list: readonly EndedClass[], top = 3): ClubStats {
  const byClassType = [...groupBy(list, (c) => c.classTypeId)].map(([classTypeId, g]) => ({ classTypeId, name: g[0]!.className, ...ratesOf(g) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byHour = [...groupBy(list, (c) => Math.floor(c.startMin / 60))].map(([hour, g]) => {
    const r = ratesOf(g);
    return { hour, ...r, avgAttended: Math.round((r.attended / g.length) * 10) / 10 };
  }).sort((a, b) => a.hour - b.hour);
  const byWeek = [...groupBy(list, (c) => c.weekStart)].map(([weekStart, g]) => ({ weekStart, ...ratesOf(g) })).sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const ranked = [...byHour].sort((a, b) => b.avgAttended - a.avgAttended || a.hour - b.hour);
  const busiestHours = ranked.slice(0, top).map((h) => h.hour);
  return {
    total: ratesOf(list), byClassType, byHour, byWeek,
    predictedVsActual: list.map((c) => ({ occurrenceId: c.id, label: `${c.className} ${c.date} ${String(Math.floor(c.startMin / 60)).padStart(2, '0')}:${String(c.startMin % 60).padStart(2, '0')}`, predicted: c.predicted === null ? null : Math.round(c.predicted * 10) / 10, actual: c.attended })),
    busiestHours,
    /** The least attended hours, quietest first, not repeating a busiest hour. */
    quietestHours: [...ranked].reverse().filter((h) => !busiestHours.includes(h.hour)).slice(0, top).map((h) => h.hour),
  };
}
