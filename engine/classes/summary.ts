/**
 * The post-class summary (issue 12, part 4), generated when a class ends. Pure: the host reads
 * bookings, heart-rate samples, sets, alerts and notes and passes them in.
 *
 * **Engagement (ours), 0–100:** 100 × Σ wᵢ·xᵢ / Σ wᵢ over the inputs that are known:
 * - attendance rate x₁ = checked in ÷ (checked in + no-shows), w₁ = 0.4;
 * - target-zone share x₂ = mean over members with heart-rate data of time at or above the
 *   target zone ÷ class length, w₂ = 0.4;
 * - completion x₃ = mean over members with heart-rate data of time with a signal ÷ class length, w₃ = 0.2.
 * Without heart-rate data only x₁ counts, and the summary says "no heart-rate data".
 */
import { epley1rm, MAX_REPS_FOR_E1RM, MAX_RIR_FOR_E1RM } from '../e1rm/formulas';
import { DEFAULT_ZONE_BANDS, memberEffort, type HeartLimits, type MemberEffort } from './effort';

export const ENGAGEMENT_WEIGHTS = { attendance: 0.4, targetZone: 0.4, completion: 0.2 } as const;
/** Below this engagement the summary lists it as an area for improvement. */
export const LOW_ENGAGEMENT = 50;
/** A member "hit the zone" with at least this share of the class at or above the target zone. */
export const HIT_ZONE_SHARE = 0.5;
/** A member with heart-rate data below this share in the target zone is listed for improvement. */
export const LOW_ZONE_SHARE = 0.2;

export interface SummaryInput {
  occurrence: {
    id: number; className: string; date: string; startMin: number; durationMin: number; startsAtMs: number; endsAtMs: number;
    roomName: string; trainerName: string; capacity: number; predicted: number | null;
  };
  bookings: ReadonlyArray<{ memberId: number; name: string; status: string; walkIn: boolean }>;
  /** Samples per member, each list in time order. */
  heartRates: ReadonlyMap<number, ReadonlyArray<{ atMs: number; bpm: number }>>;
  /** Rest and max per member; members without limits get no zones. */
  limits: ReadonlyMap<number, HeartLimits & { maxSource: string }>;
  zoneBands?: readonly number[];
  targetZone: number;
  /** Sets logged during the class, with the member's best e1RM of that exercise before it (kg). */
  sets: ReadonlyArray<{ memberId: number; exerciseName: string; loadKg: number; reps: number; rir: number | null; previousBestKg: number | null }>;
  alerts: ReadonlyArray<{ kind: string; message: string; memberId: number | null; raisedAt: string; acknowledgedAt: string | null }>;
  trainerNotes: string;
  generatedAt: string;
}

export interface MemberSummary {
  memberId: number; name: string; walkIn: boolean;
  /** Null without heart-rate data for the member. */
  /** `maxBpm` is the highest in this class; `hrMaxBpm` the maximum the zones use. */
  effort: (MemberEffort & { targetSeconds: number; completion: number; restBpm: number; hrMaxBpm: number; maxSource: string }) | null;
}

export interface ClassSummary {
  occurrenceId: number; className: string; date: string; startMin: number; durationMin: number; roomName: string; trainerName: string;
  attendance: { capacity: number; booked: number; checkedIn: number; walkIns: number; noShows: number; lateCancels: number; waitlistLeft: number;
    predicted: number | null; ofBookingsPct: number | null; ofPredictedPct: number | null };
  engagement: { score: number; formula: string; inputs: { attendanceRate: number | null; targetZoneShare: number | null; completion: number | null }; weights: typeof ENGAGEMENT_WEIGHTS };
  heartRate: { available: boolean; note: string; zoneBands: number[]; targetZone: number };
  members: MemberSummary[];
  highlights: string[];
  records: Array<{ memberId: number; name: string; exercise: string; e1rmKg: number; previousBestKg: number }>;
  improvements: string[];
  alerts: Array<{ kind: string; message: string; memberName: string | null; raisedAt: string; acknowledgedAt: string | null }>;
  trainerNotes: string;
  generatedAt: string;
}

export const ENGAGEMENT_FORMULA = '100 × (0.4 × attendance rate + 0.4 × target-zone share + 0.2 × completion) ÷ (sum of the weights of the known inputs)';

const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : null);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Builds the summary of one ended class. */
export function summarizeClass(input: SummaryInput): ClassSummary {
  const o = input.occurrence;
  const bands = [...(input.zoneBands ?? DEFAULT_ZONE_BANDS)];
  const present = input.bookings.filter((b) => b.status === 'checked_in');
  const members = present.map((b) => memberSummary(input, b, bands));
  const withHr = members.filter((m) => m.effort !== null);
  const attendance = attendanceOf(input, present.length);
  const engagement = engagementOf(attendance, withHr, o.durationMin * 60);
  const names = new Map(input.bookings.map((b) => [b.memberId, b.name]));
  const records = recordsOf(input, names);
  return {
    occurrenceId: o.id, className: o.className, date: o.date, startMin: o.startMin, durationMin: o.durationMin, roomName: o.roomName, trainerName: o.trainerName,
    attendance, engagement,
    heartRate: {
      available: withHr.length > 0,
      note: withHr.length > 0 ? `heart-rate data from ${withHr.length} of ${present.length} members present` : 'no heart-rate data',
      zoneBands: bands, targetZone: input.targetZone,
    },
    members, records,
    highlights: highlightsOf(records, withHr, o.durationMin, input.targetZone),
    improvements: improvementsOf(input, attendance, engagement, withHr),
    alerts: input.alerts.map((a) => ({ kind: a.kind, message: a.message, memberName: a.memberId === null ? null : names.get(a.memberId) ?? `member ${a.memberId}`, raisedAt: a.raisedAt, acknowledgedAt: a.acknowledgedAt })),
    trainerNotes: input.trainerNotes, generatedAt: input.generatedAt,
  };
}

function memberSummary(input: SummaryInput, b: SummaryInput['bookings'][number], bands: number[]): MemberSummary {
  const o = input.occurrence;
  const limits = input.limits.get(b.memberId);
  const samples = input.heartRates.get(b.memberId) ?? [];
  const effort = limits ? memberEffort(samples, limits, o.startsAtMs, o.endsAtMs, bands) : null;
  if (!effort || !limits) return { memberId: b.memberId, name: b.name, walkIn: b.walkIn, effort: null };
  const targetSeconds = round2(effort.zoneSeconds.slice(input.targetZone).reduce((a, s) => a + s, 0));
  const completion = round2(Math.min(1, effort.coveredSeconds / (o.durationMin * 60)));
  return { memberId: b.memberId, name: b.name, walkIn: b.walkIn, effort: { ...effort, targetSeconds, completion, restBpm: limits.restBpm, hrMaxBpm: limits.maxBpm, maxSource: limits.maxSource } };
}

function attendanceOf(input: SummaryInput, checkedIn: number): ClassSummary['attendance'] {
  const count = (s: string) => input.bookings.filter((b) => b.status === s).length;
  const walkIns = input.bookings.filter((b) => b.status === 'checked_in' && b.walkIn).length;
  const noShows = count('no_show');
  const booked = checkedIn - walkIns + noShows;
  const predicted = input.occurrence.predicted === null ? null : Math.round(input.occurrence.predicted * 10) / 10;
  return {
    capacity: input.occurrence.capacity, booked, checkedIn, walkIns, noShows, lateCancels: count('late_cancelled'), waitlistLeft: count('waitlisted'),
    predicted, ofBookingsPct: pct(checkedIn, booked), ofPredictedPct: predicted === null ? null : pct(checkedIn, predicted),
  };
}

function engagementOf(a: ClassSummary['attendance'], withHr: MemberSummary[], durationS: number): ClassSummary['engagement'] {
  const attendanceRate = a.checkedIn + a.noShows > 0 ? round2(a.checkedIn / (a.checkedIn + a.noShows)) : null;
  const mean = (f: (m: MemberSummary) => number) => (withHr.length ? round2(withHr.reduce((s, m) => s + f(m), 0) / withHr.length) : null);
  const targetZoneShare = mean((m) => Math.min(1, m.effort!.targetSeconds / durationS));
  const completion = mean((m) => m.effort!.completion);
  const W = ENGAGEMENT_WEIGHTS;
  const terms: Array<[number | null, number]> = [[attendanceRate, W.attendance], [targetZoneShare, W.targetZone], [completion, W.completion]];
  const known = terms.filter(([x]) => x !== null) as Array<[number, number]>;
  const wsum = known.reduce((s, [, w]) => s + w, 0);
  const score = wsum > 0 ? Math.round((100 * known.reduce((s, [x, w]) => s + x * w, 0)) / wsum) : 0;
  return { score, formula: ENGAGEMENT_FORMULA, inputs: { attendanceRate, targetZoneShare, completion }, weights: W };
}

function recordsOf(input: SummaryInput, names: Map<number, string>): ClassSummary['records'] {
  const best = new Map<string, ClassSummary['records'][number]>();
  for (const s of input.sets) {
    if (s.reps < 1 || s.reps > MAX_REPS_FOR_E1RM || s.loadKg <= 0 || (s.rir !== null && s.rir > MAX_RIR_FOR_E1RM) || s.previousBestKg === null) continue;
    const e1rmKg = Math.round(epley1rm(s.loadKg, s.reps + (s.rir ?? 0)) * 10) / 10;
    const key = `${s.memberId}|${s.exerciseName}`;
    if (e1rmKg > s.previousBestKg && e1rmKg > (best.get(key)?.e1rmKg ?? 0)) {
      best.set(key, { memberId: s.memberId, name: names.get(s.memberId) ?? `member ${s.memberId}`, exercise: s.exerciseName, e1rmKg, previousBestKg: s.previousBestKg });
    }
  }
  return [...best.values()];
}

function highlightsOf(records: ClassSummary['records'], withHr: MemberSummary[], durationMin: number, targetZone: number): string[] {
  const out = records.map((r) => `${r.name}: e1RM best on ${r.exercise}, ${r.e1rmKg} kg (was ${r.previousBestKg} kg)`);
  for (const m of withHr) {
    const minutes = Math.round(m.effort!.targetSeconds / 60);
    if (m.effort!.targetSeconds >= HIT_ZONE_SHARE * durationMin * 60) out.push(`${m.name} spent ${minutes} min in zone ${targetZone} or above`);
  }
  return out;
}

function improvementsOf(input: SummaryInput, a: ClassSummary['attendance'], e: ClassSummary['engagement'], withHr: MemberSummary[]): string[] {
  const out: string[] = [];
  if (input.alerts.length > 0) {
    const kinds = new Map<string, number>();
    for (const al of input.alerts) kinds.set(al.kind, (kinds.get(al.kind) ?? 0) + 1);
    out.push(`${input.alerts.length} alert${input.alerts.length === 1 ? '' : 's'} raised: ${[...kinds].map(([k, n]) => `${k.replace(/_/g, ' ')} (${n})`).join(', ')}`);
  }
  if (e.score < LOW_ENGAGEMENT) out.push(`Engagement ${e.score}/100 is below ${LOW_ENGAGEMENT}`);
  for (const m of withHr) {
    if (m.effort!.targetSeconds < LOW_ZONE_SHARE * input.occurrence.durationMin * 60) {
      out.push(`${m.name} spent ${Math.round(m.effort!.targetSeconds / 60)} min in zone ${input.targetZone} or above`);
    }
  }
  if (a.noShows > 0) out.push(`${a.noShows} no-show${a.noShows === 1 ? '' : 's'}`);
  if (a.predicted !== null && a.predicted > 0 && a.checkedIn < 0.5 * a.predicted) out.push(`Attendance ${a.checkedIn} is under half the predicted ${a.predicted}`);
  return out;
}
