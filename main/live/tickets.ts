/**
 * One-time tickets for the live WebSocket. Browsers cannot set `Authorization` on a WebSocket,
 * so a signed-in staff member asks for a ticket (`live/ticket`) and passes it in the URL
 * (`/live/v1?ticket=…`). A ticket is 32 random bytes (base64url), valid for 30 s, redeemed once;
 * it carries the staff member and what the connection may do (watch classes, or send samples).
 */
import { randomBytes } from 'node:crypto';

export const TICKET_TTL_MS = 30_000;
export type LivePurpose = 'monitor' | 'source';

export interface TicketHolder { staffId: number; purpose: LivePurpose }

export class TicketBook {
  private readonly tickets = new Map<string, TicketHolder & { expiresMs: number }>();
  constructor(private readonly nowMs: () => number) {}

  issue(holder: TicketHolder): { ticket: string; expiresAt: string } {
    this.sweep();
    if (this.tickets.size > 10_000) throw new Error('too many live tickets outstanding');
    const ticket = randomBytes(32).toString('base64url');
    const expiresMs = this.nowMs() + TICKET_TTL_MS;
    this.tickets.set(ticket, { ...holder, expiresMs });
    return { ticket, expiresAt: new Date(expiresMs).toISOString() };
  }

  /** The holder of a ticket, removing it; null when unknown, used or expired. */
  redeem(ticket: string | null): TicketHolder | null {
    if (!ticket) return null;
    const t = this.tickets.get(ticket);
    if (!t) return null;
    this.tickets.delete(ticket);
    if (t.expiresMs <= this.nowMs()) return null;
    return { staffId: t.staffId, purpose: t.purpose };
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [k, t] of this.tickets) if (t.expiresMs <= now) this.tickets.delete(k);
  }
}
