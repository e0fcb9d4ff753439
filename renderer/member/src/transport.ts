/** The sync API over fetch, same-origin (the member app is served by the studio). Errors carry the studio's reason. */
import type { OpEnvelope, PushResponse } from '../../../engine/sync/ops';
import type { PairResponse, PullResponse } from '../../../engine/sync/pull';
import type { SyncTransport } from '../../../engine/sync/client';

export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly reason: string, message: string) { super(message); }
}

async function post<T>(path: string, body: unknown, token: string | null): Promise<T> {
  const res = await fetch(path, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const env = (await res.json()) as { ok: true; value: T } | { ok: false; error: { reason: string; message: string } };
  if (!env.ok) throw new SyncHttpError(res.status, env.error.reason, env.error.message);
  return env.value;
}

export function pair(code: string, deviceName: string): Promise<PairResponse> {
  return post('/sync/v1/pair', { code, deviceName }, null);
}

export function httpTransport(token: string): SyncTransport {
  return {
    push: (body: { ops: OpEnvelope[]; pending: number }) => post<PushResponse>('/sync/v1/push', body, token),
    pull: (cursor: number) => post<PullResponse>('/sync/v1/pull', { cursor }, token),
  };
}
