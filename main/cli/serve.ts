/** `studio serve`: the studio and its HTTP API on localhost, or on the LAN when asked. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { stripeConfigFromEnv } from '../payments/service';
import { createHost } from '../host/host';
import { startWeeklySchedule } from '../host/weekly-schedule';
import { startClassClock } from '../host/class-clock';
import { PAYMENTS_TICK_MS, startPaymentsSync } from '../host/payments-clock';
import { NIGHTLY_HOUR, startRecommendNightly } from '../host/recommend-nightly';
import { defaultDbPath } from '../host/paths';
import { phoneAddresses, startHttpServer, type StartedServer } from '../http/server';
import { studioNames, studioTls } from '../sync/tls';
import { startDailyBackups } from '../host/backups';
import { countSignInManagers } from '../../db/staff';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

/** Builds the renderer with vite when dist/renderer is missing (a fresh clone). */
async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  console.log('Building the studio UI (first run)…');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export interface ServeOptions {
  db: string; port: number; host: string; publicNames?: string[];
  /** The studio's clock starts at this instant and runs on in real time (for demos and e2e at a fixed club time). */
  clockStart?: Date;
  /** Also serve HTTPS on this port, with a certificate from the studio's own CA (made on first use). */
  httpsPort?: number;
  /** Point the Stripe client at another server (the local test server); the key still comes from STRIPE_SECRET_KEY (a test key is made up when unset). */
  stripeApi?: string;
  /** Seconds between the payments sync job's ticks (main/host/payments-clock.ts); 0 turns it off. Default 60. */
  paymentsSyncS?: number;
  /** Local hour (0–23) from which the nightly recommender training runs (main/host/recommend-nightly.ts); null turns it off. Default 3. */
  recommendTrainHour?: number | null;
}

/** A clock that starts at `start` and runs on in real time. */
export function clockFrom(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** Starts the host and the HTTP server; stops both on SIGINT/SIGTERM. */
export async function serveStudio(o: ServeOptions): Promise<StartedServer> {
  await ensureRendererBuilt();
  const now = o.clockStart ? clockFrom(o.clockStart) : undefined;
  const fromEnv = stripeConfigFromEnv();
  const stripe = o.stripeApi ? { ...(fromEnv ?? { apiKey: 'sk_test_local' }), apiBase: o.stripeApi } : fromEnv ?? undefined;
  const host = createHost(o.db, { ...(now ? { now } : {}), spareWorker: true, ...(stripe ? { stripe } : {}) });
  host.coach.resumeLastModel();
  const started = await startHttpServer(host, { port: o.port, host: o.host, staticDir: RENDERER_DIR, publicNames: o.publicNames });
  let secure: StartedServer | null = null;
  if (o.httpsPort !== undefined) {
    const tls = studioTls(join(dirname(o.db), 'tls'), studioNames(o.publicNames ?? []));
    secure = await startHttpServer(host, { port: o.httpsPort, host: o.host, staticDir: RENDERER_DIR, publicNames: o.publicNames, tls: { key: tls.key, cert: tls.cert } });
    host.sync.https = { urls: phoneAddresses(o.host, secure.port, 'https'), fingerprint: tls.fingerprint, caCert: tls.caCert };
    console.log(`HTTPS for phones: ${secure.url} (studio CA fingerprint SHA-256 ${tls.fingerprint})`);
  }
  const stopSchedule = startWeeklySchedule(host, now);
  const stopClock = startClassClock(host);
  const stopPayments = startPaymentsSync(host, (o.paymentsSyncS ?? PAYMENTS_TICK_MS / 1000) * 1000);
  const stopNightly = startRecommendNightly(host, o.recommendTrainHour === undefined ? NIGHTLY_HOUR : o.recommendTrainHour);
  const stopBackups = startDailyBackups(host.store);
  console.log(`Trainer Studio is serving ${started.url} (database ${o.db})`);
  if (countSignInManagers(host.store.db) === 0) {
    console.log('First run: open the studio in a browser to create the first manager account (or run `studio staff create-first`).');
  }
  const stop = () => { stopSchedule(); stopClock(); stopPayments(); stopNightly(); stopBackups(); void Promise.all([started.close(), secure?.close()]).then(() => { host.close(); process.exit(0); }); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return started;
}

export function serveCommand(program: Command): void {
  program.command('serve').description('serve the studio and its HTTP API')
    .option('--port <n>', 'port (0 picks a free one)', (v) => Number(v), Number(process.env.STUDIO_PORT ?? 5174))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--lan', 'bind every network address (same as --host 0.0.0.0)')
    .option('--public-name <name...>', 'other names the studio answers to, e.g. studio.local (the Host header is checked)')
    .option('--https-port <n>', 'also serve HTTPS on this port for member phones (studio CA made on first use, kept beside the database)', (v) => Number(v))
    .option('--clock-start <iso>', "start the studio's clock at this instant (e.g. 2026-12-07T16:30:00Z); it runs on in real time")
    .option('--stripe-api <url>', 'send Stripe requests to this server instead of api.stripe.com (e.g. the local test server, http://127.0.0.1:12111)')
    .option('--payments-sync-s <n>', 'seconds between background syncs with Stripe while a sale waits (0: only when someone presses Sync)', (v) => Number(v), PAYMENTS_TICK_MS / 1000)
    .option('--recommend-train-hour <h>', "local hour (0–23) from which the night's recommender (ALS) training runs, or off", String(NIGHTLY_HOUR))
    .action(async (o: { port: number; host: string; lan?: boolean; publicName?: string[]; clockStart?: string; httpsPort?: number; stripeApi?: string; paymentsSyncS: number; recommendTrainHour: string }) => {
      if (!Number.isFinite(o.paymentsSyncS) || o.paymentsSyncS < 0) throw new Error(`--payments-sync-s: "${String(o.paymentsSyncS)}" is not a number of seconds ≥ 0`);
      const trainHour = o.recommendTrainHour === 'off' ? null : /^\d{1,2}$/.test(o.recommendTrainHour) && Number(o.recommendTrainHour) <= 23 ? Number(o.recommendTrainHour) : undefined;
      if (trainHour === undefined) throw new Error(`--recommend-train-hour: "${o.recommendTrainHour}" is not an hour 0–23 or "off"`);
      const g = program.opts<{ db?: string }>();
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`--port: "${o.port}" is not a port number`);
      const clockStart = o.clockStart === undefined ? undefined : new Date(o.clockStart);
      if (clockStart && Number.isNaN(clockStart.getTime())) throw new Error(`--clock-start: "${o.clockStart}" is not an ISO instant`);
      if (clockStart) console.log(`The studio's clock starts at ${clockStart.toISOString()}`);
      if (o.stripeApi !== undefined && !/^https?:\/\/[^/]+\/?$/.test(o.stripeApi)) throw new Error(`--stripe-api: "${o.stripeApi}" is not an http(s) base URL`);
      await serveStudio({ db: g.db ?? defaultDbPath(), port: o.port, host: o.lan ? '0.0.0.0' : o.host, publicNames: o.publicName ?? [], ...(clockStart ? { clockStart } : {}), ...(o.httpsPort !== undefined ? { httpsPort: o.httpsPort } : {}), ...(o.stripeApi ? { stripeApi: o.stripeApi } : {}), paymentsSyncS: o.paymentsSyncS, recommendTrainHour: trainHour });
    });
}
