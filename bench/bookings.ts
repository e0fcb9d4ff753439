/**
 * `npm run bench -- bookings`: classes in action (issue 12).
 * - `booking_race_ok`: 1 when exactly 10 of 50 simultaneous bookings through HTTP for a class of
 *   10 places were booked (and 40 waitlisted), else 0.
 * - `bookings_per_s`: bookings through HTTP (a signed-in session, 50 in flight at a time, 600
 *   bookings over 6 classes), per second of wall time.
 * - `summary_ms`: generating the post-class summary of a 40-member class from 60 min of 1 Hz
 *   heart-rate samples (144,000) in memory (`engine/classes/summarizeClass`), median of 5
 *   (target ≤ 100 ms); `summary_with_read_ms` is the whole `buildSummary` at the end of a class,
 *   reading those 144,000 rows (and the bookings, sets and alerts) from SQLite first.
 * `bookingFigures()` returns the same figures for other benches (the `live` bench includes them).
 */
import { summarizeClass } from '../engine/classes/summary';
import { getOccurrence, heartRateSeries, insertBooking, insertHeartRates } from '../db/classes';
import { buildSummary } from '../main/handlers/classes/end-class';
import { raceBookings, startBookingStudio, type BookingStudio } from '../main/handlers/classes/race-kit';
import { percentile, round } from './stats';

const CLASSES = 7;
const MEMBERS = 100;

async function throughput(studio: BookingStudio, log: (line: string) => void): Promise<number> {
  const t0 = performance.now();
  let booked = 0;
  for (const occ of studio.occurrenceIds.slice(1, CLASSES)) {
    for (let i = 0; i < MEMBERS; i += 50) {
      const r = await raceBookings(studio, occ, studio.memberIds.slice(i, i + 50));
      if (r.failed.length) throw new Error(`bookings failed: ${r.failed[0]}`);
      booked += r.booked + r.waitlisted;
    }
  }
  const s = (performance.now() - t0) / 1000;
  log(`${booked} bookings over ${CLASSES - 1} classes through HTTP in ${round(s, 2)} s`);
  return booked / s;
}

function summaryTimes(studio: BookingStudio, log: (line: string) => void): { summary_ms: number; summary_with_read_ms: number } {
  const db = studio.host.store.db;
  const occ = getOccurrence(db, studio.occurrenceIds[CLASSES]!)!; // a class no booking touched
  const members = studio.memberIds.slice(0, 40);
  const start = Date.parse(occ.startsAt);
  db.transaction((tx) => {
    for (const memberId of members) insertBooking(tx, { occurrenceId: occ.id, memberId, status: 'checked_in', queuedAt: occ.startsAt, checkedInAt: occ.startsAt, source: 'bench' });
    insertHeartRates(tx, members.flatMap((memberId, k) => Array.from({ length: 3600 }, (_, i) => ({
      occurrenceId: occ.id, memberId, at: new Date(start + i * 1000).toISOString(), bpm: Math.round(120 + 30 * Math.sin(i / 120 + k) + (k % 7) * 3),
    }))));
  });
  const full: number[] = [];
  const engine: number[] = [];
  const samples = heartRateSeries(db, occ.id);
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const s = buildSummary(db, occ, new Date().toISOString());
    const dt = performance.now() - t0;
    if (s.members.length !== 40 || !s.heartRate.available) throw new Error('the bench summary is incomplete');
    const t1 = performance.now();
    summarizeClass({
      occurrence: { id: occ.id, className: occ.className, date: occ.date, startMin: occ.startMin, durationMin: occ.durationMin, startsAtMs: start, endsAtMs: Date.parse(occ.endsAt), roomName: occ.roomId, trainerName: occ.trainerId, capacity: occ.capacity, predicted: occ.predicted },
      bookings: members.map((memberId) => ({ memberId, name: `m${memberId}`, status: 'checked_in', walkIn: false })), heartRates: samples,
      limits: new Map(members.map((m) => [m, { restBpm: 60, maxBpm: 185, maxSource: 'tanaka' }])), targetZone: 3, sets: [], alerts: [], trainerNotes: '', generatedAt: '',
    });
    const de = performance.now() - t1;
    if (i > 0) { full.push(dt); engine.push(de); } // the first run warms the JIT
  }
  full.sort((a, b) => a - b);
  engine.sort((a, b) => a - b);
  log(`summary of 40 members × 3600 samples: median ${round(percentile(engine, 50), 1)} ms in the engine, ${round(percentile(full, 50), 1)} ms with the read from SQLite`);
  return { summary_ms: round(percentile(engine, 50), 1), summary_with_read_ms: round(percentile(full, 50), 1) };
}

/** The bookings figures (see the module doc). */
export async function bookingFigures(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const studio = await startBookingStudio(MEMBERS, CLASSES + 1);
  try {
    const race = await raceBookings(studio, studio.occurrenceIds[0]!, studio.memberIds.slice(0, 50));
    log(`race: ${race.booked} booked, ${race.waitlisted} waitlisted, ${race.failed.length} failed of 50 simultaneous (${round(race.ms, 1)} ms)`);
    const perS = await throughput(studio, log);
    return {
      booking_race_ok: race.booked === 10 && race.waitlisted === 40 && race.failed.length === 0 ? 1 : 0,
      bookings_per_s: round(perS, 0),
      ...summaryTimes(studio, log),
    };
  } finally {
    await studio.close();
  }
}

export const bookings = bookingFigures;
