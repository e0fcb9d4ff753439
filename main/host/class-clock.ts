/**
 * The classes clock: while the studio runs (serve or the desktop app), `classes/clock-tick`
 * runs every `CLOCK_TICK_MS` as the studio's own job (SYSTEM_CALLER), so classes start,
 * release no-shows and end on time. The host's `now` decides the time (see `serve --clock-start`).
 */
import type { Host } from './host';
import { SYSTEM_CALLER } from './host';

export const CLOCK_TICK_MS = 15_000;

/** Runs one tick; logs a failure and carries on. */
export async function classClockTick(host: Host): Promise<void> {
  const env = await host.call('classes/clock-tick', {}, SYSTEM_CALLER);
  if (!env.ok) console.error(`[studio] the classes clock failed: ${env.error.message}`);
}

/** Ticks now and every `tickMs`; returns a function that stops it. */
export function startClassClock(host: Host, tickMs = CLOCK_TICK_MS): () => void {
  void classClockTick(host);
  const timer = setInterval(() => { void classClockTick(host); }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
