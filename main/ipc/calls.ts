/**
 * The desktop window's transport, without Electron itself (so it is tested in Node): each window
 * (an Electron `webContents`) holds its signed-in sessions here, in the main process. The
 * renderer never sees a token and cannot name who is acting: it signs in, and afterwards its
 * calls act as the window's active session. Switching staff (`auth/unlock { staffId, pin }`) is
 * the only way to make another of the window's sessions active, and it needs that person's PIN.
 */
import { z } from 'zod';
import { StudioError, type Envelope } from '../contract/errors';
import type { SignedInView } from '../contract/index';
import type { Host } from '../host/host';

/** What the preload sends: the operation, its input, and an id for progress and cancel. */
export const IpcCallMessage = z.object({
  name: z.string().min(1).max(100),
  input: z.unknown(),
  callId: z.string().min(1).max(40),
}).strict();

interface WindowSessions {
  /** Session tokens by staff id: the people signed in at this window. */
  tokens: Map<number, string>;
  /** The staff id whose session the window's calls use. */
  active: number | null;
}

export interface IpcCalls {
  /** Runs one call for the window `senderId`; never rejects. */
  call(senderId: number, message: unknown, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): Promise<Envelope<unknown>>;
  /** The window closed: its sessions are signed out. */
  forget(senderId: number): Promise<void>;
}

const refuse = (reason: 'invalid_input', message: string): Envelope<unknown> => ({ ok: false, error: new StudioError(reason, message).toPayload() });

function staffIdOf(input: unknown): number | null {
  const id = typeof input === 'object' && input !== null ? (input as { staffId?: unknown }).staffId : undefined;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

export function createIpcCalls(host: Host): IpcCalls {
  const windows = new Map<number, WindowSessions>();
  const windowOf = (id: number) => {
    let w = windows.get(id);
    if (!w) windows.set(id, (w = { tokens: new Map(), active: null }));
    return w;
  };

  return {
    async call(senderId, message, onProgress, signal) {
      const parsed = IpcCallMessage.safeParse(message);
      if (!parsed.success) return refuse('invalid_input', 'the window sent a malformed call');
      const { name, input } = parsed.data;
      const w = windowOf(senderId);
      // Unlocking picks the session of the person unlocking; everything else uses the active one.
      const acting = name === 'auth/unlock' ? staffIdOf(input) : w.active;
      const token = acting !== null ? w.tokens.get(acting) ?? null : null;
      const caller = host.authenticate(token, { transport: 'ipc' });
      const envelope = await host.call(name, input, caller, onProgress, signal);

      if (!envelope.ok) {
        // A session that has ended (before or during the call) is forgotten, so the window shows the sign-in again.
        if (envelope.error.reason === 'unauthorized' && acting !== null && token !== null && !host.authenticate(token, { transport: 'ipc' }).session) {
          w.tokens.delete(acting);
          if (w.active === acting) w.active = null;
        }
        return envelope;
      }
      if (name === 'auth/sign-in' || name === 'auth/create-first') {
        const view = envelope.value as SignedInView;
        // Signing in again replaces the person's older session at this window: it is ended, not left to idle out.
        const older = w.tokens.get(view.staff.id);
        if (older) {
          const old = host.authenticate(older, { transport: 'ipc' });
          if (old.session) await host.call('auth/sign-out', {}, old);
        }
        if (view.token) w.tokens.set(view.staff.id, view.token);
        w.active = view.staff.id;
        return { ok: true, value: { ...view, token: null } };
      }
      if (name === 'auth/unlock' && acting !== null) w.active = acting;
      if (name === 'auth/sign-out' && acting !== null) {
        w.tokens.delete(acting);
        w.active = null;
      }
      return envelope;
    },

    async forget(senderId) {
      const w = windows.get(senderId);
      windows.delete(senderId);
      for (const token of w?.tokens.values() ?? []) {
        const caller = host.authenticate(token, { transport: 'ipc' });
        if (caller.session) await host.call('auth/sign-out', {}, caller);
      }
    },
  };
}
