/**
 * The Electron security checklist as a test, without the Electron binary (it cannot be fetched
 * here): the window's options and the session and web-contents handlers are run against fakes,
 * and the shell's source is read to check it uses them and nothing weaker.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hardenContents, hardenSession, isStudioFrame, webPreferences } from './hardening';
import { CONTENT_SECURITY_POLICY } from '../http/static';

const MAIN = readFileSync(join(__dirname, 'main.ts'), 'utf8');
const PRELOAD = readFileSync(join(__dirname, '..', '..', 'preload', 'index.ts'), 'utf8');

function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('the Electron checklist', () => {
  it('window: context isolation, sandbox, no Node integration, web security, no webviews', () => {
    expect(webPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false,
    });
  });

  it('session: every permission denied by default, and the CSP on every response', () => {
    const seen: { request?: (...a: never[]) => void; check?: (...a: never[]) => boolean; headers?: (d: unknown, done: (r: unknown) => void) => void } = {};
    hardenSession({
      setPermissionRequestHandler: (h: never) => { seen.request = h; },
      setPermissionCheckHandler: (h: never) => { seen.check = h; },
      webRequest: { onHeadersReceived: (h: never) => { seen.headers = h; } },
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial']) {
      (seen.request as unknown as (wc: unknown, p: string, allow: (b: boolean) => void) => void)({}, permission, (b) => answers.push(b));
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect((seen.check as unknown as (...a: unknown[]) => boolean)({}, 'media', 'file://', {})).toBe(false);
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    seen.headers!({ responseHeaders: { 'Content-Security-Policy': ["default-src *"] } }, (r) => { out = r as typeof out; });
    expect(out!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('web contents: navigation, redirects, webviews and window.open are blocked', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    hardenContents({ on: (name: string, h: never) => { handlers.set(name, h); }, setWindowOpenHandler: (h: never) => { openHandler = h; } } as never);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(event)!({ preventDefault: () => { prevented = true; } });
      expect(prevented, event).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('IPC: only the studio page in the top frame is heard', () => {
    const url = 'file:///app/dist/renderer/index.html';
    const frame = (u: string, parent: unknown = null) => ({ senderFrame: { url: u, parent } }) as never;
    expect(isStudioFrame(frame(`${url}#/members`), url)).toBe(true);
    expect(isStudioFrame(frame('https://evil.example/'), url)).toBe(false);
    expect(isStudioFrame(frame(url, { url }), url)).toBe(false);
    expect(isStudioFrame({ senderFrame: null } as never, url)).toBe(false);
  });

  it('the shell uses all of it: one window with these options, every IPC channel sender-checked', () => {
    expect(MAIN.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(MAIN).toMatch(/webPreferences: webPreferences\(/);
    expect(MAIN).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => hardenContents\(contents\)\)/);
    expect(MAIN).toMatch(/hardenSession\(session\.defaultSession\)/);
    const channels = MAIN.match(/ipcMain\.(handle|on)\(/g) ?? [];
    const checks = MAIN.match(/if \(!isStudioFrame\(event, rendererUrl\)/g) ?? [];
    expect(channels.length).toBeGreaterThan(0);
    expect(checks.length).toBe(channels.length);
    expect(MAIN).not.toMatch(/staffId/);
  });

  it('nothing anywhere in main/ or preload/ turns a protection off', () => {
    const weak = /(contextIsolation|sandbox|webSecurity):\s*false|nodeIntegration(InWorker|InSubFrames)?:\s*true|allowRunningInsecureContent:\s*true|webviewTag:\s*true|enableRemoteModule/;
    const offenders = [...sources(join(__dirname, '..')), ...sources(join(__dirname, '..', '..', 'preload'))].filter((s) => weak.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('the preload exposes only the contract API, progress and cancel, on fixed channels, and names no actor', () => {
    expect(PRELOAD.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(PRELOAD).toMatch(/exposeInMainWorld\('studio', \{\n  api: buildApi\(call\),\n  onProgress\(/);
    expect([...PRELOAD.matchAll(/ipcRenderer\.(invoke|send|on)\(([A-Z_]+)/g)].map((m) => m[2])).toEqual(['CALL_CHANNEL', 'PROGRESS_CHANNEL', 'CANCEL_CHANNEL']);
    expect(PRELOAD).not.toMatch(/localStorage|staffId|actingStaff/);
  });
});
