/**
 * Server-sent events for the staff member page: `GET /events/v1/members/<id>?ticket=…` streams
 * `data: {"memberId":…}` whenever a phone's push changed that member's data, so synced sets
 * appear within a second without a reload. EventSource cannot send `Authorization`, so the
 * page opens it with a one-time ticket from `live/ticket` (30 s, one use), as the live monitor
 * does; the Host (by the server) and the same-origin rules apply, and a trainer only watches
 * their own or unassigned members.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getStaff } from '../../db/staff';
import { memberCoach } from '../../db/scope';
import type { Host } from '../host/host';
import { originProblem } from '../http/boundary';

export const EVENTS_PREFIX = '/events/';
const HEARTBEAT_MS = 25_000;

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: { reason: status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'forbidden', message } }));
}

export async function handleEvents(host: Host, req: IncomingMessage, res: ServerResponse, pathname: string, scheme: 'http' | 'https'): Promise<void> {
  const m = /^\/events\/v1\/members\/(\d{1,9})$/.exec(pathname);
  if (!m || req.method !== 'GET') return refuse(res, 404, 'there is no such event stream');
  const originBad = originProblem(req.headers, req.headers.host ?? '', scheme);
  if (originBad) return refuse(res, 403, originBad);
  const ticket = new URL(req.url ?? '/', 'http://studio.invalid').searchParams.get('ticket');
  const holder = host.live.tickets.redeem(ticket);
  const staff = holder ? getStaff(host.store.db, holder.staffId) : null;
  if (!holder || !staff) return refuse(res, 401, 'no valid ticket: ask live/ticket for one (each works once, for 30 s)');
  const memberId = Number(m[1]);
  const coach = memberCoach(host.store.db, memberId);
  if (!coach) return refuse(res, 404, `there is no member ${memberId}`);
  if (staff.role === 'trainer' && coach.trainerStaffId !== null && coach.trainerStaffId !== staff.id) return refuse(res, 403, `${coach.name} is coached by another trainer`);
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'keep-alive' });
  res.write(`retry: 1000\n\ndata: ${JSON.stringify({ memberId, hello: true })}\n\n`);
  const stop = host.sync.watch(memberId, () => res.write(`data: ${JSON.stringify({ memberId })}\n\n`));
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  beat.unref?.();
  req.on('close', () => { clearInterval(beat); stop(); });
}
