/**
 * Nightly ALS training (issue 15: "trained in a worker on demand and nightly"). While the studio
 * runs (serve or the desktop app) it checks every hour; once per calendar day (the host's local
 * date, on the host's clock, so `serve --clock-start` applies), at the first check at or after
 * `hour` (default 03:00, when the desk is closed; if the PC was off at night, the first check after
 * it starts), it runs `recommend/train` as the studio's own job (SYSTEM_CALLER; the training itself
 * runs in a worker). The run is skipped when nothing ALS trains on changed since the last nightly
 * run (`recommendDataFingerprint`: count and largest id of matched sets), so an idle club does not
 * register a new model version every night. The model is still activated only if it beats
 * popularity and the active model on held-out sessions (main/handlers/recommend).
 *
 * The day and fingerprint of the last run are kept in settings (`recommend.nightly`), so a restart
 * does not train twice. A failed run records nothing and is retried at the next check.
 */
import { getSetting, putSetting } from '../../db/settings';
import { recommendDataFingerprint } from '../../db/recommend';
import type { RecommendTrainReport } from '../contract/recommend-views';
import type { Host } from './host';
import { SYSTEM_CALLER } from './host';

export const NIGHTLY_KEY = 'recommend.nightly';
/** Local hour (0–23) from which the night's training may run. */
export const NIGHTLY_HOUR = 3;
const HOUR_MS = 3_600_000;

export type NightlyOutcome = 'too_early' | 'done_today' | 'no_new_data' | 'trained' | 'failed' | 'busy';

interface NightlyRecord { day: string; fingerprint: string }

/** The host-local calendar day of `d`, YYYY-MM-DD. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function lastRun(host: Host): NightlyRecord | null {
  const v = getSetting(host.store.db, NIGHTLY_KEY) as Partial<NightlyRecord> | null;
  return v && typeof v.day === 'string' && typeof v.fingerprint === 'string' ? { day: v.day, fingerprint: v.fingerprint } : null;
}

/**
 * Builds the job's step: given the host's time, trains if tonight's run is due. Returns what it did
 * (for tests and logs); never throws. Steps never overlap (a step during a run returns 'busy').
 */
export function recommendNightlyStep(host: Host, hour = NIGHTLY_HOUR): (now: Date) => Promise<NightlyOutcome> {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour: ${hour} is not an hour of the day 0–23`);
  let running = false;
  return async (now) => {
    if (running) return 'busy';
    if (now.getHours() < hour) return 'too_early';
    const day = localDay(now);
    const last = lastRun(host);
    if (last?.day === day) return 'done_today';
    const fingerprint = recommendDataFingerprint(host.store.db);
    if (last?.fingerprint === fingerprint) {
      putSetting(host.store.db, NIGHTLY_KEY, { day, fingerprint } satisfies NightlyRecord, null);
      return 'no_new_data';
    }
    running = true;
    try {
      const env = await host.call('recommend/train', {}, SYSTEM_CALLER);
      if (!env.ok) { console.error(`[studio] nightly recommender training failed: ${env.error.message}`); return 'failed'; }
      const r = env.value as RecommendTrainReport;
      putSetting(host.store.db, NIGHTLY_KEY, { day, fingerprint } satisfies NightlyRecord, null);
      console.log(`[studio] nightly recommender training: ${r.version === null ? 'not trained' : `${r.version} ${r.activated ? 'activated' : 'not activated'}`} (${r.reason})`);
      return 'trained';
    } catch (err) {
      console.error('[studio] nightly recommender training failed:', err);
      return 'failed';
    } finally {
      running = false;
    }
  };
}

/** Checks now and every hour; `hour` null turns the job off. Returns a function that stops it. */
export function startRecommendNightly(host: Host, hour: number | null = NIGHTLY_HOUR): () => void {
  if (hour === null) return () => {};
  const step = recommendNightlyStep(host, hour);
  void step(host.now());
  const timer = setInterval(() => { void step(host.now()); }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
