/** The webhook route over real HTTP (issue 16): verified events applied once; forgeries refused with 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { createHost, type Host } from '../host/host';
import { startHttpServer, type StartedServer } from './server';
import { countEvents } from '../../db/payments';

const secret = 'whsec_route_test';
let dir: string; let host: Host; let server: StartedServer;
const stripe = new Stripe('sk_test_x');
const event = JSON.stringify({ id: 'evt_route_1', object: 'event', type: 'customer.created', created: 1, data: { object: { id: 'cus_1', object: 'customer' } } });
const post = (body: string, signature?: string) => fetch(`${server.url}stripe/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-webhook-'));
  host = createHost(join(dir, 'studio.db'), { stripe: { apiKey: 'sk_test_x', apiBase: 'http://127.0.0.1:9', webhookSecret: secret } });
  server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: dir });
});
afterAll(async () => { await server.close(); host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('POST /stripe/webhook', () => {
  it('applies a verified event once', async () => {
    const sig = stripe.webhooks.generateTestHeaderString({ payload: event, secret });
    expect(await (await post(event, sig)).json()).toEqual({ received: true, applied: true });
    expect(await (await post(event, sig)).json()).toEqual({ received: true, applied: false });
    expect(countEvents(host.store.db)).toBe(1);
  });
  it('refuses a wrong secret, a tampered body, a stale timestamp and no signature', async () => {
    const wrong = stripe.webhooks.generateTestHeaderString({ payload: event, secret: 'whsec_other' });
    const good = stripe.webhooks.generateTestHeaderString({ payload: event, secret });
    const stale = stripe.webhooks.generateTestHeaderString({ payload: event, secret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const statuses = [(await post(event, wrong)).status, (await post(event.replace('cus_1', 'cus_2'), good)).status, (await post(event, stale)).status, (await post(event)).status];
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(countEvents(host.store.db)).toBe(1);
  });
});
