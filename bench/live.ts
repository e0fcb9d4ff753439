/**
 * `npm run bench -- live`: the live class monitor under load, through the real HTTP server and
 * WebSocket on loopback, with the host's own tick and flush timers running.
 * - `alert_p99_ms`: from a heart-rate sample sent by a source over the WebSocket to the alert it
 *   raises reaching a monitor subscribed to the class, p99, at 40 members × 1 Hz in one class.
 *   Every fourth member alternates between 95 % of max and a normal heart rate each second, so
 *   high-heart-rate alerts (threshold time set to 0 s for the bench) keep being raised and cleared.
 * - `alert_p99_ms_10_classes`: the same with 10 classes at once (400 members, 10 sources, 10 monitors).
 * - `alert_p50_ms…`, `alerts_measured…`, `samples_per_s…`: the median, the number of alerts timed, the
 *   sample rate actually sent. Target: p99 ≤ 200 ms (aim 50). The clients share the host's process.
 * - `summary_ms`, `summary_with_read_ms`, `booking_race_ok`, `bookings_per_s`: the classes
 *   figures of `bench/bookings.ts` (`bookingFigures`), so `npm run bench -- live` prints every
 *   figure of issue 12.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveServerMessage, LiveTicketView, SignedInView } from '../main/contract/index';
import { createTestHost, TEST_MANAGER } from '../main/host/testkit';
import { startHttpServer } from '../main/http/server';
import { apiPost } from '../main/http/testkit';
import { seedRunningClasses } from '../main/live/testkit';
import { openLive, type LiveClient } from '../main/live/ws-testkit';
import { bookingFigures } from './bookings';
import { percentile, round } from './stats';

const MEMBERS = 40;

async function scenario(classes: number, seconds: number): Promise<{ p99: number; p50: number; measured: number; samplesPerS: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const { host, manager } = await createTestHost(join(dir, 'studio.db'));
  const server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: join(dir, 'static') });
  const clients: LiveClient[] = [];
  try {
    const set = await host.call('live/set-settings', { highForS: 0 }, manager);
    if (!set.ok) throw new Error(set.error.message);
    const signedIn = await host.call('auth/sign-in', { username: TEST_MANAGER.username, password: TEST_MANAGER.password }, { transport: 'http', staff: null, session: null });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const token = (signedIn.value as SignedInView).token!;
    const ticket = async (purpose: 'monitor' | 'source') => ((await apiPost(server.port, 'live/ticket', { purpose }, token)).json() as { value: LiveTicketView }).value.ticket;
    const { occurrenceIds, membersOf } = seedRunningClasses(host.store, { classes, members: MEMBERS, startsAt: new Date() });

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const seenAlerts = new Set<string>();
    const sources: LiveClient[] = [];
    const maxOf = new Map<number, number>();
    for (const occ of occurrenceIds) {
      const monitor = await openLive(server.port, await ticket('monitor'));
      clients.push(monitor);
      monitor.send({ type: 'subscribe', occurrenceId: occ });
      const snap = await monitor.next<Extract<LiveServerMessage, { type: 'snapshot' }>>((m) => m.type === 'snapshot');
      for (const t of snap.live.members) maxOf.set(t.memberId, t.maxBpm ?? 185);
      monitor.onMessage((m) => {
        if (m.type !== 'alert' || m.alert.kind !== 'high_heart_rate' || m.alert.clearedAt !== null || m.alert.acknowledgedAt !== null) return;
        const key = `${String(m.occurrenceId)}:${String(m.alert.id)}`;
        if (seenAlerts.has(key)) return;
        seenAlerts.add(key);
        const t0 = sentAt.get(`${String(m.occurrenceId)}:${String(m.alert.memberId)}`);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      });
      const source = await openLive(server.port, await ticket('source'));
      clients.push(source);
      sources.push(source);
    }

    // 40 slots a second: slot i sends member i of every class.
    const slots = MEMBERS;
    let tickNo = 0;
    let sent = 0;
    const total = seconds * slots;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor((performance.now() - t0) / (1000 / slots)) + 1);
        while (tickNo < due) {
          const second = Math.floor(tickNo / slots);
          const slot = tickNo % slots;
          occurrenceIds.forEach((occ, c) => {
            const memberId = membersOf.get(occ)![slot]!;
            const spiking = slot % 4 === 0 && second % 2 === 1;
            const bpm = spiking ? Math.round(0.95 * maxOf.get(memberId)!) : 120 + ((slot + second) % 10);
            if (spiking) sentAt.set(`${String(occ)}:${String(memberId)}`, performance.now());
            sources[c]!.send({ type: 'sample', occurrenceId: occ, memberId, bpm });
            sent += 1;
          });
          tickNo += 1;
        }
        if (tickNo >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    const elapsedS = (performance.now() - t0) / 1000;
    // Let the last alerts arrive: wait until every alert raised by the host was seen (at most 2 s).
    const deadline = performance.now() + 2000;
    while (performance.now() < deadline && seenAlerts.size < occurrenceIds.reduce((n, occ) => n + host.live.view(occ).alerts.filter((a) => a.kind === 'high_heart_rate').length, 0)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    latencies.sort((a, b) => a - b);
    return { p99: round(percentile(latencies, 99)), p50: round(percentile(latencies, 50)), measured: latencies.length, samplesPerS: round(sent / elapsedS, 0) };
  } finally {
    for (const c of clients) await c.close();
    await server.close();
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function live(log: (line: string) => void): Promise<Record<string, number>> {
  const seconds = Number(process.env.LIVE_BENCH_SECONDS ?? 20);
  log(`1 class × ${String(MEMBERS)} members × 1 Hz for ${String(seconds)} s …`);
  const one = await scenario(1, seconds);
  log(`10 classes × ${String(MEMBERS)} members × 1 Hz for ${String(seconds)} s …`);
  const ten = await scenario(10, seconds);
  log('classes figures (bench/bookings.ts) …');
  const classes = await bookingFigures(log);
  return {
    alert_p99_ms: one.p99, alert_p50_ms: one.p50, alerts_measured: one.measured, samples_per_s: one.samplesPerS,
    alert_p99_ms_10_classes: ten.p99, alert_p50_ms_10_classes: ten.p50, alerts_measured_10_classes: ten.measured, samples_per_s_10_classes: ten.samplesPerS,
    ...classes,
  };
}
