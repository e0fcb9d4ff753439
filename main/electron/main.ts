/**
 * The Electron shell, kept thin: one window with the security settings of the architecture
 * notes, and one IPC handler that checks the sender's frame and hands the call to the host.
 * Everything else is the same host that `studio serve` runs, tested without Electron.
 */
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost, localCaller, type Host } from '../host/host';
import { defaultDbPath } from '../host/paths';
import { startWeeklySchedule } from '../host/weekly-schedule';
import { CONTENT_SECURITY_POLICY } from '../http/static';

const CALL_CHANNEL = 'studio:call';
const PROGRESS_CHANNEL = 'studio:progress';
const CANCEL_CHANNEL = 'studio:cancel';
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let host: Host | null = null;
// Heavy operations run in worker threads; in the bundle their entry is a compiled file.
process.env.STUDIO_WORKER_ENTRY ??= join(__dirname, 'worker.cjs');

function isOurFrame(event: Pick<IpcMainInvokeEvent, "senderFrame">): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.split('#')[0] === rendererUrl;
}

function registerIpc(h: Host): void {
  /** Running calls by `${webContents id}:${callId}`, so Cancel stops the worker (nothing is stored). */
  const running = new Map<string, AbortController>();
  ipcMain.handle(CALL_CHANNEL, async (event, msg: { name: string; input: unknown; callId: string; staffId: number | null }) => {
    if (!isOurFrame(event)) return { ok: false, error: { reason: 'forbidden', message: 'calls are only accepted from the studio window' } };
    const key = `${event.sender.id}:${msg.callId}`;
    const controller = new AbortController();
    running.set(key, controller);
    try {
      return await h.call(msg.name, msg.input, localCaller(h, 'ipc', msg.staffId), (fraction, message) => {
        if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, { callId: msg.callId, fraction, message });
      }, controller.signal);
    } finally {
      running.delete(key);
    }
  });
  ipcMain.on(CANCEL_CHANNEL, (event, msg: { callIds?: unknown }) => {
    if (!isOurFrame(event) || !Array.isArray(msg?.callIds)) return;
    for (const id of msg.callIds) running.get(`${event.sender.id}:${String(id)}`)?.abort();
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400, height: 900, title: 'Trainer Studio',
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false,
    },
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadFile(rendererIndex);
}

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, allow) => allow(false));
  host = createHost(process.env.STUDIO_DB ?? defaultDbPath(app.getPath('userData')));
  registerIpc(host);
  startWeeklySchedule(host);
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
}).catch((err: unknown) => {
  console.error('[studio] failed to start:', err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  host?.close();
  host = null;
  if (process.platform !== 'darwin') app.quit();
});
