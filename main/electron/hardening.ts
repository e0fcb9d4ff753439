/**
 * The Electron security checklist as code (https://www.electronjs.org/docs/latest/tutorial/security),
 * kept free of Electron's runtime so `hardening.test.ts` can check it without the binary:
 * the window's web preferences, what every web contents may do, and the session's defaults.
 */
import type { IpcMainEvent, IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../http/static';

/** Context isolation, the sandbox, no Node in the page, web security on, no webviews. */
export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The session: every permission request and check denied, the CSP on every response. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_wc, _permission, allow) => allow(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Every web contents: no navigation away, no new windows, no webviews attached. */
export function hardenContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Whether an IPC message comes from the studio's own page (its top frame, at `rendererUrl`). */
export function isStudioFrame(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.split('#')[0] === rendererUrl;
}
