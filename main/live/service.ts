/**
 * The host's live classes: one monitor state per running class (engine/live), fed by samples
 * from sources or by the simulated feed, watched by monitors, and persisted: samples batched
 * into `class_heart_rates` (every second), alerts into `class_alerts` as they are raised. The
 * state stays in the host while the class runs, so a monitor that reconnects gets all of it
 * again (`subscribe` answers with the snapshot).
 *
 * Time: sensor classes run on the host clock (`now`), ticked every second; a simulated class
 * runs on the feed's clock (second k of the feed = start + k s), `speed` feed seconds per real
 * second. With `timers: false` (tests, the bench) nothing runs by itself: call `tickAll`,
 * `advanceSimulated` and `flush`. The warm-up counts from a class's first sample. After a restart
 * of the host, a class's state is rebuilt from its stored samples and alerts (`restore`); what was
 * not yet flushed (at most a second of samples) is lost.
 */
import type { StudioDatabase } from '../../db/open';
import {
  acknowledgeAlert as acknowledgeAlertRow, alertsOf, getOccurrence, heartRateSeries, insertAlert, type HeartRateInsert, type OccurrenceRow,
} from '../../db/classes';
import { presentMember, presentMembers, storeHeartRateBatch, type PresentMember } from '../../db/live';
import {
  acknowledgeAlert, addMember, classAverage, createMonitor, ingestSample, memberTile, snapshotOf, takeClearedAlerts, tick, type MonitorState,
} from '../../engine/live/monitor';
import { createSimulatedFeed, type SimulatedFeed } from '../../engine/live/simulate';
import type { LiveAlert, MonitorMember, MonitorSettings } from '../../engine/live/types';
import { heartLimits, type HeartProfile } from '../../engine/live/zones';
import { StudioError } from '../contract/errors';
import type { LiveServerMessage, LiveView } from '../contract/live-views';
import { liveSettings } from './settings';
import { occurrencePolicy } from '../handlers/classes/bookings';
import { TicketBook } from './tickets';
import { heartProfiles } from './profiles';

export type LiveListener = (message: LiveServerMessage) => void;

interface Simulation { feed: SimulatedFeed; speed: number; seed: number; timer: ReturnType<typeof setInterval> | null }

interface LiveClass {
  occurrence: OccurrenceRow;
  state: MonitorState;
  listeners: Set<LiveListener>;
  pending: HeartRateInsert[];
  /** Engine alert id → class_alerts row id. */
  alertRows: Map<number, number>;
  sim: Simulation | null;
  sensors: boolean;
  lastSignal: Map<number, string>;
  lastLoggedMs: Record<string, number>;
  /** Whether any sample was taken yet: the warm-up counts from the first one. */
  hadSample: boolean;
}

export interface LiveServiceOptions {
  now: () => Date;
  /** Run the tick, flush and simulator timers (false: driven by hand). */
  timers: boolean;
  /** Where rejected samples are logged (rate-limited: one line per reason and class every 10 s). */
  log?: (line: string) => void;
}

export interface LiveService {
  /** One-time tickets of the WebSocket. */
  tickets: TicketBook;
  /** The state of a class, starting its live state if needed. @throws not_found, conflict (ended or cancelled). */
  view(occurrenceId: number): LiveView;
  /** Watches a class: returns its snapshot and the function that stops watching. */
  subscribe(occurrenceId: number, listener: LiveListener): { snapshot: LiveView; unsubscribe(): void };
  /** Takes one sample at the host's time (or `atMs`); rejected samples are logged and reported to the sender. */
  ingest(occurrenceId: number, sample: { memberId: number; bpm: number; atMs?: number }): { ok: true } | { ok: false; reason: string; message: string };
  startSimulated(occurrenceId: number, opts: { seed: number; speed: number }): LiveView;
  stopSimulated(occurrenceId: number): LiveView;
  /** Steps a simulated class by `seconds` feed seconds at once. */
  advanceSimulated(occurrenceId: number, seconds: number): void;
  acknowledge(occurrenceId: number, alertId: number, staffId: number | null): LiveAlert;
  /** Checks every class at `nowMs` (lost signals); sensor classes only, simulated ones tick on their own clock. */
  tickAll(nowMs?: number): void;
  /** Writes the pending samples of every class. */
  flush(): number;
  /** Ends the live state of a class (when the class ends): flushes, stops the simulator, tells monitors. */
  end(occurrenceId: number): void;
  running(): number[];
  close(): void;
}

function monitorMember(p: PresentMember, profile: HeartProfile | undefined): MonitorMember {
  return { memberId: p.memberId, name: p.name, nickname: p.nickname, profile: profile ?? { restingBpm: null, observedMaxBpm: null, ageYears: null } };
}

export function createLiveService(store: StudioDatabase, options: LiveServiceOptions): LiveService {
  const classes = new Map<number, LiveClass>();
  const log = options.log ?? ((line: string) => console.warn(line));
  const nowMs = () => options.now().getTime();

  const emit = (c: LiveClass, m: LiveServerMessage) => { for (const l of c.listeners) l(m); };

  function viewOf(c: LiveClass): LiveView {
    return {
      ...snapshotOf(c.state), className: c.occurrence.className, startsAt: c.occurrence.startsAt, endsAt: c.occurrence.endsAt,
      source: c.sim ? 'simulated' : c.sensors ? 'sensors' : 'none', simulated: c.sim !== null, simulatedSpeed: c.sim?.speed ?? null,
    };
  }

  function open(occurrenceId: number, settings?: Partial<MonitorSettings>): LiveClass {
    const existing = classes.get(occurrenceId);
    if (existing) return existing;
    const occurrence = getOccurrence(store.db, occurrenceId);
    if (!occurrence) throw new StudioError('not_found', `there is no class ${String(occurrenceId)}`, 'occurrenceId');
    if (occurrence.status === 'ended' || occurrence.status === 'cancelled') {
      throw new StudioError('conflict', `${occurrence.className} on ${occurrence.date} has ${occurrence.status === 'ended' ? 'ended' : 'been cancelled'}: nothing is live`, 'occurrenceId');
    }
    const now = options.now();
    const studio = liveSettings(store.db);
    // The class type's target zone (the classes policy) is the planned zone, within the studio's bands.
    const plannedZone = Math.min(studio.bands.length, occurrencePolicy(store.db, occurrence).targetZone);
    const state = createMonitor({
      occurrenceId, startedAtMs: now.getTime(), settings: { ...studio, plannedZone, ...settings },
      members: presentWithProfiles(occurrence, presentMembers(store.db, occurrenceId)),
    });
    const c: LiveClass = { occurrence, state, listeners: new Set(), pending: [], alertRows: new Map(), sim: null, sensors: false, lastSignal: new Map(), lastLoggedMs: {}, hadSample: false };
    restore(c, now.getTime());
    classes.set(occurrenceId, c);
    return c;
  }

  /**
   * After a restart of the host: replays the class's stored samples through a fresh state (ticking
   * at each sample's time), then pairs the alerts this raises with the stored ones (the n-th of a
   * kind and member with the n-th stored), taking their ids, messages, times and acknowledgements.
   */
  function restore(c: LiveClass, nowMs: number): void {
    const samples = [...heartRateSeries(store.db, c.occurrence.id)].flatMap(([memberId, list]) => list.map((x) => ({ memberId, ...x })));
    if (samples.length === 0) return;
    samples.sort((a, b) => a.atMs - b.atMs);
    c.state.startedAtMs = samples[0]!.atMs;
    c.state.nowMs = samples[0]!.atMs;
    c.hadSample = true;
    for (const sample of samples) {
      tick(c.state, sample.atMs);
      ingestSample(c.state, sample);
    }
    tick(c.state, nowMs);
    takeClearedAlerts(c.state);
    const stored = new Map<string, ReturnType<typeof alertsOf>>();
    for (const row of alertsOf(store.db, c.occurrence.id)) {
      const key = `${row.kind}:${String(row.memberId)}`;
      stored.set(key, [...(stored.get(key) ?? []), row]);
    }
    for (const alert of c.state.alerts) {
      const row = stored.get(`${alert.kind}:${String(alert.memberId)}`)?.shift();
      if (!row) continue;
      c.alertRows.set(alert.id, row.id);
      alert.raisedAt = row.raisedAt;
      alert.message = row.message;
      alert.acknowledgedAt = row.acknowledgedAt;
      alert.acknowledgedBy = row.acknowledgedBy;
    }
  }

  function presentWithProfiles(occurrence: OccurrenceRow, present: PresentMember[]): MonitorMember[] {
    const profiles = heartProfiles(store.db, present.map((p) => p.memberId), occurrence.startsAt);
    return present.map((p) => monitorMember(p, profiles.get(p.memberId)));
  }

  function persistAlert(c: LiveClass, alert: LiveAlert): void {
    const id = insertAlert(store.db, { occurrenceId: c.occurrence.id, memberId: alert.memberId, kind: alert.kind, message: alert.message, raisedAt: alert.raisedAt });
    c.alertRows.set(alert.id, id);
  }

  function publish(c: LiveClass, raised: LiveAlert[]): void {
    const simulated = c.sim !== null;
    for (const alert of raised) {
      persistAlert(c, alert);
      emit(c, { type: 'alert', occurrenceId: c.occurrence.id, simulated, alert });
    }
    for (const alert of takeClearedAlerts(c.state)) emit(c, { type: 'alert', occurrenceId: c.occurrence.id, simulated, alert });
  }

  function logRejection(c: LiveClass, reason: string, message: string): void {
    const now = nowMs();
    if ((c.lastLoggedMs[reason] ?? -Infinity) > now - 10_000) return;
    c.lastLoggedMs[reason] = now;
    log(`[studio] live class ${String(c.occurrence.id)}: sample ignored (${reason}): ${message}; counts so far ${JSON.stringify(c.state.rejectedCounts)}`);
  }

  function take(c: LiveClass, sample: { memberId: number; bpm: number; atMs: number }): { ok: true } | { ok: false; reason: string; message: string } {
    let result = ingestSample(c.state, sample);
    if (!result.ok && result.rejection.reason === 'not_in_class') {
      // A late check-in: look the member up once, and retake the sample.
      const late = presentMember(store.db, c.occurrence.id, sample.memberId);
      if (late) {
        addMember(c.state, presentWithProfiles(c.occurrence, [late])[0]!);
        c.state.rejectedCounts.not_in_class -= 1;
        c.state.rejections.pop();
        result = ingestSample(c.state, sample);
      }
    }
    if (!result.ok) {
      logRejection(c, result.rejection.reason, result.rejection.message);
      return { ok: false, reason: result.rejection.reason, message: result.rejection.message };
    }
    if (!c.hadSample) {
      c.hadSample = true;
      c.state.startedAtMs = sample.atMs;
    }
    c.pending.push({ occurrenceId: c.occurrence.id, memberId: sample.memberId, at: new Date(sample.atMs).toISOString(), bpm: sample.bpm });
    c.lastSignal.set(sample.memberId, result.tile.signal);
    emit(c, { type: 'tile', occurrenceId: c.occurrence.id, simulated: c.sim !== null, tile: result.tile, classAverage: classAverage(c.state) });
    publish(c, result.raised);
    return { ok: true };
  }

  function tickClass(c: LiveClass, atMs: number): void {
    publish(c, tick(c.state, atMs));
    for (const memberId of c.state.members.keys()) {
      const tile = memberTile(c.state, memberId)!;
      if (c.lastSignal.get(memberId) === tile.signal || tile.signal === 'waiting') continue;
      c.lastSignal.set(memberId, tile.signal);
      emit(c, { type: 'tile', occurrenceId: c.occurrence.id, simulated: c.sim !== null, tile, classAverage: classAverage(c.state) });
    }
  }

  function stepSimulated(c: LiveClass): void {
    if (!c.sim) return;
    const { samples, atMs } = c.sim.feed.next();
    for (const s of samples) take(c, s);
    tickClass(c, atMs);
  }

  function flushClass(c: LiveClass): number {
    const rows = c.pending.splice(0);
    return storeHeartRateBatch(store.db, rows);
  }

  function stopSim(c: LiveClass): void {
    if (c.sim?.timer) clearInterval(c.sim.timer);
    c.sim = null;
  }

  const background = options.timers ? [
    setInterval(() => service.tickAll(), 1000),
    setInterval(() => service.flush(), 1000),
  ] : [];
  for (const t of background) t.unref?.();

  const service: LiveService = {
    tickets: new TicketBook(nowMs),
    view: (occurrenceId) => viewOf(open(occurrenceId)),
    subscribe(occurrenceId, listener) {
      const c = open(occurrenceId);
      c.listeners.add(listener);
      return { snapshot: viewOf(c), unsubscribe: () => { c.listeners.delete(listener); } };
    },
    ingest(occurrenceId, sample) {
      const c = open(occurrenceId);
      c.sensors = true;
      return take(c, { memberId: sample.memberId, bpm: sample.bpm, atMs: sample.atMs ?? Math.max(nowMs(), c.state.nowMs) });
    },
    startSimulated(occurrenceId, { seed, speed }) {
      const c = open(occurrenceId);
      stopSim(c);
      const now = options.now();
      const members = [...c.state.members.values()].map((m) => {
        const limits = heartLimits(m.member.profile);
        return { memberId: m.member.memberId, restBpm: limits?.restBpm ?? 60, maxBpm: limits?.maxBpm ?? 185 };
      });
      if (members.length === 0) throw new StudioError('conflict', 'nobody is checked in to this class yet: check members in first', 'occurrenceId');
      const durationS = Math.max(60, Math.round((Date.parse(c.occurrence.endsAt) - Date.parse(c.occurrence.startsAt)) / 1000));
      const feed = createSimulatedFeed({ seed, members, startMs: Math.max(now.getTime(), c.state.nowMs + 1000), durationS });
      c.sim = { feed, speed, seed, timer: null };
      if (options.timers) {
        c.sim.timer = setInterval(() => stepSimulated(c), Math.max(10, Math.round(1000 / speed)));
        c.sim.timer.unref?.();
      }
      const live = viewOf(c);
      emit(c, { type: 'snapshot', live });
      return live;
    },
    stopSimulated(occurrenceId) {
      const c = open(occurrenceId);
      stopSim(c);
      const live = viewOf(c);
      emit(c, { type: 'snapshot', live });
      return live;
    },
    advanceSimulated(occurrenceId, seconds) {
      const c = classes.get(occurrenceId);
      for (let i = 0; c?.sim && i < seconds; i += 1) stepSimulated(c);
    },
    acknowledge(occurrenceId, alertId, staffId) {
      const c = open(occurrenceId);
      const alert = acknowledgeAlert(c.state, alertId, staffId, nowMs());
      const row = c.alertRows.get(alertId);
      if (row !== undefined) acknowledgeAlertRow(store.db, row, staffId, alert.acknowledgedAt!);
      emit(c, { type: 'alert', occurrenceId, simulated: c.sim !== null, alert });
      return alert;
    },
    tickAll(at) {
      const t = at ?? nowMs();
      for (const c of classes.values()) if (!c.sim) tickClass(c, t);
    },
    flush() {
      let n = 0;
      for (const c of classes.values()) n += flushClass(c);
      return n;
    },
    end(occurrenceId) {
      const c = classes.get(occurrenceId);
      if (!c) return;
      stopSim(c);
      flushClass(c);
      emit(c, { type: 'ended', occurrenceId });
      classes.delete(occurrenceId);
    },
    running: () => [...classes.keys()],
    close() {
      for (const t of background) clearInterval(t);
      for (const c of classes.values()) { stopSim(c); try { flushClass(c); } catch { /* the database may be closed already */ } }
      classes.clear();
    },
  };
  return service;
}
