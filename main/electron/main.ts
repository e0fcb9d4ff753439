/**
 * The Electron shell, kept thin: one window hardened by `hardening.ts`, and one IPC handler that
 * checks the sender's frame and hands the call to the window's sessions (`main/ipc/calls.ts`).
 * Everything else is the same host that `studio serve` runs, tested without Electron.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost, type Host } from '../host/host';
import { defaultDbPath } from '../host/paths';
import { startWeeklySchedule } from '../host/weekly-schedule';
import { startClassClock } from '../host/class-clock';
import { startPaymentsSync } from '../host/payments-clock';
import { startRecommendNightly } from '../host/recommend-nightly';
import { startDailyBackups } from '../host/backups';
import { createIpcCalls, type IpcCalls } from '../ipc/calls';
import { hardenContents, hardenSession, isStudioFrame, webPreferences } from './hardening';

const CALL_CHANNEL = 'studio:call';
const PROGRESS_CHANNEL = 'studio:progress';
const CANCEL_CHANNEL = 'studio:cancel';
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let host: Host | null = null;
// Heavy operations run in worker threads; in the bundle their entry is a compiled file.
process.env.STUDIO_WORKER_ENTRY ??= join(__dirname, 'worker.cjs');
process.env.STUDIO_COACH_WORKER_ENTRY ??= join(__dirname, 'coach-worker.mjs');

function registerIpc(calls: IpcCalls): void {
  /** Running calls by `${webContents id}:${callId}`, so Cancel stops the worker (nothing is stored). */
  const running = new Map<string, AbortController>();
  ipcMain.handle(CALL_CHANNEL, async (event, msg: unknown) => {
    if (!isStudioFrame(event, rendererUrl)) return { ok: false, error: { reason: 'forbidden', message: 'calls are only accepted from the studio window' } };
    const callId = typeof (msg as { callId?: unknown })?.callId === 'string' ? String((msg as { callId: string }).callId).slice(0, 40) : '';
    const key = `${event.sender.id}:${callId}`;
    const controller = new AbortController();
    running.set(key, controller);
    try {
      return await calls.call(event.sender.id, msg, (fraction, message) => {
        if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, { callId, fraction, message });
      }, controller.signal);
    } finally {
      running.delete(key);
    }
  });
  ipcMain.on(CANCEL_CHANNEL, (event, msg: { callIds?: unknown }) => {
    if (!isStudioFrame(event, rendererUrl) || !Array.isArray(msg?.callIds)) return;
    for (const id of msg.callIds) running.get(`${event.sender.id}:${String(id)}`)?.abort();
  });
}

function createWindow(calls: IpcCalls): void {
  const win = new BrowserWindow({
    width: 1400, height: 900, title: 'Trainer Studio',
    webPreferences: webPreferences(join(__dirname, '..', 'preload', 'index.cjs')),
  });
  const id = win.webContents.id;
  win.webContents.once('destroyed', () => { void calls.forget(id); });
  void win.loadFile(rendererIndex);
}

app.on('web-contents-created', (_e, contents) => hardenContents(contents));

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  host = createHost(process.env.STUDIO_DB ?? defaultDbPath(app.getPath('userData')), { spareWorker: true });
  host.coach.resumeLastModel();
  const calls = createIpcCalls(host);
  registerIpc(calls);
  startWeeklySchedule(host);
  startClassClock(host);
  startPaymentsSync(host);
  startRecommendNightly(host);
  startDailyBackups(host.store);
  createWindow(calls);
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(calls); });
}).catch((err: unknown) => {
  console.error('[studio] failed to start:', err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  host?.close();
  host = null;
  if (process.platform !== 'darwin') app.quit();
});
