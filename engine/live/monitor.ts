/**
 * The live state of one running class and its alerts, driven by samples and by explicit clock
 * ticks (no clock is read). Alerts (thresholds in `MonitorSettings`):
 *
 * | kind                 | raised when                                                                        |
 * | -------------------- | ---------------------------------------------------------------------------------- |
 * | high_heart_rate      | a member at or above `highPctOfMax` of their max for `highForS`                    |
 * | class_above_plan     | after the warm-up, the average reserve fraction above the planned zone for `classAboveForS` |
 * | lost_signal          | a member who had a signal has sent nothing for `lostSignalS`                      |
 * | far_below_target     | after the warm-up, a member `farBelowMargin` below the planned zone for `farBelowForS` |
 * | heart_rate_red_flag  | the safety layer's heart-rate check (`assessSafety`) flags the member's peak       |
 *
 * An alert is raised once while its condition holds (de-duplicated by kind and member); when the
 * condition ends it is marked cleared, and a recurrence raises a new one. Acknowledging does not
 * clear it. Samples outside 25–250 bpm, for members not in the class, or older than the member's
 * latest are not taken, and the reason is kept (`rejections`).
 */
import { assessSafety } from '../safety/assess';
import { LiveInputError } from './errors';
import type {
  AlertKind, HeartRateSample, LiveAlert, LiveSnapshot, MemberTile, MonitorMember, MonitorSettings, Rejection, SignalState,
} from './types';
import { DEFAULT_ZONE_BANDS, heartLimits, reserveFraction, validateZoneBands, zoneOfFraction, type HeartLimits } from './zones';

/** Plausible human heart rates, bpm: anything else is a sensor fault. */
export const MIN_BPM = 25;
export const MAX_BPM = 250;
const MAX_REJECTIONS_KEPT = 50;

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  bands: [...DEFAULT_ZONE_BANDS], plannedZone: 3, highPctOfMax: 0.9, highForS: 60, lostSignalS: 15,
  classAboveForS: 60, farBelowMargin: 0.15, farBelowForS: 120, warmupS: 300,
};

interface MemberState {
  member: MonitorMember;
  limits: HeartLimits | null;
  bpm: number | null;
  atMs: number | null;
  peakBpm: number;
  secondsInZone: number[];
  redFlagged: boolean;
}

export interface MonitorState {
  occurrenceId: number;
  startedAtMs: number;
  settings: MonitorSettings;
  members: Map<number, MemberState>;
  alerts: LiveAlert[];
  /** Open (not cleared) alert per condition key, and when each condition began (ms). */
  open: Map<string, LiveAlert>;
  since: Map<string, number>;
  /** Alerts cleared since the last `takeClearedAlerts`. */
  cleared: LiveAlert[];
  nowMs: number;
  rejections: Rejection[];
  rejectedCounts: Record<Rejection['reason'], number>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Checks settings. @throws LiveInputError naming the field. */
export function validateMonitorSettings(s: MonitorSettings): void {
  validateZoneBands(s.bands);
  if (!Number.isInteger(s.plannedZone) || s.plannedZone < 1 || s.plannedZone > s.bands.length) {
    throw new LiveInputError('plannedZone', `must be a zone 1–${String(s.bands.length)}, got ${String(s.plannedZone)}`);
  }
  if (!(s.highPctOfMax > 0.5 && s.highPctOfMax <= 1.2)) throw new LiveInputError('highPctOfMax', `must be in (0.5, 1.2], got ${String(s.highPctOfMax)}`);
  for (const k of ['highForS', 'lostSignalS', 'classAboveForS', 'farBelowForS', 'warmupS'] as const) {
    if (!(s[k] >= 0 && s[k] <= 7200)) throw new LiveInputError(k, `must be 0–7200 s, got ${String(s[k])}`);
  }
  if (!(s.farBelowMargin >= 0 && s.farBelowMargin < 1)) throw new LiveInputError('farBelowMargin', `must be in [0, 1), got ${String(s.farBelowMargin)}`);
}

/** A new class state. @throws LiveInputError for bad settings. */
export function createMonitor(opts: { occurrenceId: number; startedAtMs: number; members: MonitorMember[]; settings?: Partial<MonitorSettings> }): MonitorState {
  const settings = { ...DEFAULT_MONITOR_SETTINGS, ...opts.settings };
  validateMonitorSettings(settings);
  const members = new Map<number, MemberState>();
  for (const m of opts.members) {
    members.set(m.memberId, {
      member: m, limits: heartLimits(m.profile), bpm: null, atMs: null, peakBpm: 0,
      secondsInZone: new Array<number>(settings.bands.length + 1).fill(0), redFlagged: false,
    });
  }
  return {
    occurrenceId: opts.occurrenceId, startedAtMs: opts.startedAtMs, settings, members, alerts: [], open: new Map(), since: new Map(), cleared: [],
    nowMs: opts.startedAtMs, rejections: [], rejectedCounts: { out_of_range: 0, not_in_class: 0, out_of_order: 0 },
  };
}

/** Adds a member who checked in late (no-op when present). */
export function addMember(state: MonitorState, m: MonitorMember): void {
  if (state.members.has(m.memberId)) return;
  state.members.set(m.memberId, {
    member: m, limits: heartLimits(m.profile), bpm: null, atMs: null, peakBpm: 0,
    secondsInZone: new Array<number>(state.settings.bands.length + 1).fill(0), redFlagged: false,
  });
}

function reject(state: MonitorState, s: HeartRateSample, reason: Rejection['reason'], message: string): { ok: false; rejection: Rejection } {
  const rejection: Rejection = { at: iso(s.atMs), memberId: s.memberId, reason, message };
  state.rejections.push(rejection);
  if (state.rejections.length > MAX_REJECTIONS_KEPT) state.rejections.shift();
  state.rejectedCounts[reason] += 1;
  return { ok: false, rejection };
}

function displayName(m: MonitorMember): string {
  return m.nickname ?? m.name;
}

function zoneOf(state: MonitorState, ms: MemberState): number | null {
  if (ms.bpm === null || ms.limits === null) return null;
  return zoneOfFraction(reserveFraction(ms.limits, ms.bpm), state.settings.bands);
}

/** Raises (once) or clears the alert of one condition. */
function condition(state: MonitorState, key: string, active: boolean, forS: number, raise: () => { kind: AlertKind; memberId: number | null; message: string }): LiveAlert | null {
  if (!active) {
    state.since.delete(key);
    const open = state.open.get(key);
    if (open) {
      open.clearedAt = iso(state.nowMs);
      state.open.delete(key);
      state.cleared.push(open);
    }
    return null;
  }
  const since = state.since.get(key) ?? state.nowMs;
  state.since.set(key, since);
  if (state.open.has(key) || state.nowMs - since < forS * 1000) return null;
  const a = raise();
  const alert: LiveAlert = { id: state.alerts.length + 1, ...a, raisedAt: iso(state.nowMs), clearedAt: null, acknowledgedAt: null, acknowledgedBy: null };
  state.alerts.push(alert);
  state.open.set(key, alert);
  return alert;
}

function pushIf(out: LiveAlert[], a: LiveAlert | null): void {
  if (a) out.push(a);
}

function signalOf(state: MonitorState, ms: MemberState): SignalState {
  if (ms.atMs === null) return 'waiting';
  return state.nowMs - ms.atMs >= state.settings.lostSignalS * 1000 ? 'lost' : 'ok';
}

function memberConditions(state: MonitorState, ms: MemberState, out: LiveAlert[]): void {
  const s = state.settings;
  const id = ms.member.memberId;
  const name = displayName(ms.member);
  const signal = signalOf(state, ms);
  pushIf(out, condition(state, `lost_signal:${String(id)}`, signal === 'lost', 0, () => ({
    kind: 'lost_signal', memberId: id,
    message: `${name}: no heart-rate signal for ${String(s.lostSignalS)} s or more (strap off or out of range?)`,
  })));
  const live = signal === 'ok' && ms.limits !== null && ms.bpm !== null;
  const pct = live ? ms.bpm! / ms.limits!.maxBpm : 0;
  pushIf(out, condition(state, `high_heart_rate:${String(id)}`, live && pct >= s.highPctOfMax, s.highForS, () => ({
    kind: 'high_heart_rate', memberId: id,
    message: `${name}: ${String(ms.bpm)} bpm, ${String(Math.round(pct * 100))} % of max (${String(Math.round(ms.limits!.maxBpm))} bpm, ${ms.limits!.maxSource}) for ${String(s.highForS)} s or more`,
  })));
  const afterWarmup = state.nowMs - state.startedAtMs >= s.warmupS * 1000;
  const floor = s.bands[s.plannedZone - 1]! - s.farBelowMargin;
  const fraction = live ? reserveFraction(ms.limits!, ms.bpm!) : 1;
  pushIf(out, condition(state, `far_below_target:${String(id)}`, live && afterWarmup && fraction < floor, s.farBelowForS, () => ({
    kind: 'far_below_target', memberId: id,
    message: `${name}: ${String(Math.round(fraction * 100))} % of reserve, far below the planned zone ${String(s.plannedZone)} (from ${String(Math.round(s.bands[s.plannedZone - 1]! * 100))} %) for ${String(s.farBelowForS)} s or more`,
  })));
}

/** The class average over members with a signal and known limits. */
export function classAverage(state: MonitorState): { reserveFraction: number | null; zone: number | null; members: number } {
  let sum = 0;
  let n = 0;
  for (const ms of state.members.values()) {
    if (ms.limits === null || ms.bpm === null || signalOf(state, ms) !== 'ok') continue;
    sum += reserveFraction(ms.limits, ms.bpm);
    n += 1;
  }
  if (n === 0) return { reserveFraction: null, zone: null, members: 0 };
  const avg = sum / n;
  return { reserveFraction: avg, zone: zoneOfFraction(avg, state.settings.bands), members: n };
}

function classConditions(state: MonitorState, out: LiveAlert[]): void {
  const s = state.settings;
  const avg = classAverage(state);
  const ceiling = s.bands[s.plannedZone] ?? 1;
  const afterWarmup = state.nowMs - state.startedAtMs >= s.warmupS * 1000;
  const above = afterWarmup && avg.reserveFraction !== null && avg.reserveFraction > ceiling;
  pushIf(out, condition(state, 'class_above_plan', above, s.classAboveForS, () => ({
    kind: 'class_above_plan', memberId: null,
    message: `Class average ${String(Math.round((avg.reserveFraction ?? 0) * 100))} % of reserve (${String(avg.members)} members) is above the planned zone ${String(s.plannedZone)} (to ${String(Math.round(ceiling * 100))} %) for ${String(s.classAboveForS)} s or more`,
  })));
}

/** The safety layer's heart-rate red flag on a new session peak (raised once per member and class). */
function redFlag(state: MonitorState, ms: MemberState, out: LiveAlert[]): void {
  if (ms.redFlagged) return;
  const p = ms.member.profile;
  const found = assessSafety({
    now: iso(state.nowMs), checkIn: null, history: [],
    heartRate: { ageYears: p.ageYears, observedMaxBpm: p.observedMaxBpm, sessionPeakBpm: ms.peakBpm },
  }).find((sit) => sit.kind === 'heart_rate');
  if (!found) return;
  ms.redFlagged = true;
  pushIf(out, condition(state, `heart_rate_red_flag:${String(ms.member.memberId)}`, true, 0, () => ({
    kind: 'heart_rate_red_flag', memberId: ms.member.memberId, message: `${displayName(ms.member)}: ${found.reason}`,
  })));
}

export type IngestResult = { ok: true; tile: MemberTile; raised: LiveAlert[] } | { ok: false; rejection: Rejection };

/**
 * Takes one sample: updates the member's bpm, peak and time in zone, then checks every alert.
 * The monitor's clock moves to the sample's time if that is later. Returns the member's tile and
 * the alerts raised, or why the sample was not taken.
 */
export function ingestSample(state: MonitorState, sample: HeartRateSample): IngestResult {
  const ms = state.members.get(sample.memberId);
  if (!ms) return reject(state, sample, 'not_in_class', `member ${String(sample.memberId)} is not present in this class`);
  if (!Number.isFinite(sample.bpm) || sample.bpm < MIN_BPM || sample.bpm > MAX_BPM) {
    return reject(state, sample, 'out_of_range', `${String(sample.bpm)} bpm is outside ${String(MIN_BPM)}–${String(MAX_BPM)} bpm (a sensor fault)`);
  }
  if (ms.atMs !== null && sample.atMs <= ms.atMs) return reject(state, sample, 'out_of_order', 'older than (or as old as) the latest sample of this member');
  if (ms.atMs !== null && ms.bpm !== null) {
    const zone = zoneOf(state, ms);
    const dtS = Math.min(sample.atMs - ms.atMs, state.settings.lostSignalS * 1000) / 1000;
    if (zone !== null) ms.secondsInZone[zone]! += dtS;
  }
  ms.bpm = sample.bpm;
  ms.atMs = sample.atMs;
  state.nowMs = Math.max(state.nowMs, sample.atMs);
  const raised: LiveAlert[] = [];
  if (sample.bpm > ms.peakBpm) {
    ms.peakBpm = sample.bpm;
    redFlag(state, ms, raised);
  }
  memberConditions(state, ms, raised);
  classConditions(state, raised);
  return { ok: true, tile: tileOf(state, ms), raised };
}

/** Moves the clock to `nowMs` (never back) and checks every alert (lost signals above all). */
export function tick(state: MonitorState, nowMs: number): LiveAlert[] {
  state.nowMs = Math.max(state.nowMs, nowMs);
  const raised: LiveAlert[] = [];
  for (const ms of state.members.values()) memberConditions(state, ms, raised);
  classConditions(state, raised);
  return raised;
}

/** The alerts whose condition ended since the last call (for telling monitors). */
export function takeClearedAlerts(state: MonitorState): LiveAlert[] {
  return state.cleared.splice(0);
}

/** Marks an alert acknowledged. @throws LiveInputError (`alertId`) when the class has no such alert. */
export function acknowledgeAlert(state: MonitorState, alertId: number, staffId: number | null, atMs: number): LiveAlert {
  const alert = state.alerts.find((a) => a.id === alertId);
  if (!alert) throw new LiveInputError('alertId', `this class has no alert ${String(alertId)}`);
  if (alert.acknowledgedAt === null) {
    alert.acknowledgedAt = iso(atMs);
    alert.acknowledgedBy = staffId;
  }
  return alert;
}

function tileOf(state: MonitorState, ms: MemberState): MemberTile {
  const zone = zoneOf(state, ms);
  const has = ms.bpm !== null && ms.limits !== null;
  return {
    memberId: ms.member.memberId, displayName: displayName(ms.member), bpm: ms.bpm, zone,
    pctOfMax: has ? ms.bpm! / ms.limits!.maxBpm : null,
    reserveFraction: has ? reserveFraction(ms.limits!, ms.bpm!) : null,
    maxBpm: ms.limits?.maxBpm ?? null, maxSource: ms.limits?.maxSource ?? null,
    secondsInZone: ms.secondsInZone.map((s) => Math.round(s * 10) / 10), signal: signalOf(state, ms),
    lastSampleAt: ms.atMs === null ? null : iso(ms.atMs),
  };
}

/** The tile of one member (null when not present). */
export function memberTile(state: MonitorState, memberId: number): MemberTile | null {
  const ms = state.members.get(memberId);
  return ms ? tileOf(state, ms) : null;
}

/** The whole state, JSON-safe, as a monitor gets it on (re)connecting. */
export function snapshotOf(state: MonitorState): LiveSnapshot {
  return {
    occurrenceId: state.occurrenceId, startedAt: iso(state.startedAtMs), at: iso(state.nowMs),
    settings: { ...state.settings, bands: [...state.settings.bands] },
    members: [...state.members.values()].map((ms) => tileOf(state, ms)),
    classAverage: classAverage(state),
    alerts: state.alerts.map((a) => ({ ...a })),
    rejections: [...state.rejections], rejectedCounts: { ...state.rejectedCounts },
  };
}
