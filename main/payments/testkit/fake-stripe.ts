/**
 * A local Stripe-compatible test server (issue 16), for tests, the e2e and the bench: the real
 * `stripe` SDK is pointed at it with `host`, `port` and `protocol: 'http'`. It keeps state for
 * the endpoints the studio uses (Customers, Products, Prices, Checkout Sessions, Payment Links,
 * Subscriptions, Events with `ending_before`/`starting_after` paging), honours Idempotency-Key
 * like Stripe (the same key returns the first response), and injects faults:
 *
 * - `error500`: answer 500 without writing;
 * - `drop_after_write`: do the write (and remember it under its key), then drop the connection
 *   (the SDK retries a closed connection once by itself, with the same key: inject it twice to
 *   make the caller see it);
 * - `timeout`: never answer (the client gives up);
 * - `offline`: refuse every connection;
 * - duplicate delivery (`redeliver`: the event is listed twice) and out-of-order events (`outOfOrder`: a new event is
 *   listed before the one emitted just before it).
 *
 * Test controls are methods here and, for a browser test, `POST /_test/...` routes.
 * Nothing here is a real card flow: "paying" is `completeSession`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'error500' | 'drop_after_write' | 'timeout';
type Obj = Record<string, unknown> & { id: string; object: string; created: number };
type Params = Record<string, unknown>;

/** Parses Stripe's form encoding (`line_items[0][price]=…`, `metadata[op_id]=…`) into objects. */
export function parseForm(body: string): Params {
  const out: Params = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey!.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const parts = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = out;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) node[p] = value;
      else node = (node[p] ??= /^\d+$/.test(parts[i + 1]!) ? {} : {}) as Record<string, unknown>;
    });
  }
  return out;
}

const firstItem = (items: unknown): { price?: string; quantity?: string } => {
  const list = (items ?? {}) as Record<string, { price?: string; quantity?: string }>;
  return list['0'] ?? {};
};

export class FakeStripe {
  readonly objects = new Map<string, Obj>();
  /** The event log in list order (oldest first); an id may appear twice after `redeliver`. */
  readonly events: Obj[] = [];
  private readonly idem = new Map<string, { status: number; body: string }>();
  private readonly faults: Array<{ fault: Fault; path: RegExp }> = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private seq = 0;
  offline = false;
  /** List each new event before the previous one (out of order). */
  outOfOrder = false;
  /** Requests received (by method and path), for assertions. */
  readonly requests: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
  /** The fake clock, unix seconds. */
  nowS = () => Math.floor(Date.now() / 1000);
  port = 0;

  private id(prefix: string): string {
    this.seq += 1;
    return `${prefix}_${this.seq.toString(36).padStart(8, '0')}`;
  }

  async start(port = 0): Promise<number> {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    this.server.on('connection', (s) => {
      if (this.offline) { s.destroy(); return; }
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get apiBase(): string { return `http://127.0.0.1:${this.port}`; }

  /** The next request matching `path` (default: any POST) meets `fault`. */
  inject(fault: Fault, path: RegExp = /^\/v1\//): void { this.faults.push({ fault, path }); }

  /** Forgets every object, event, idempotency key and fault (a fresh Stripe account). */
  reset(): void {
    this.objects.clear(); this.events.length = 0; this.idem.clear(); this.faults.length = 0; this.requests.length = 0;
    this.offline = false; this.outOfOrder = false;
  }

  pendingFaults(): number { return this.faults.length; }
  clearFaults(): void { this.faults.length = 0; }

  emit(type: string, object: Obj): Obj {
    const event: Obj = { id: this.id('evt'), object: 'event', created: this.nowS(), type, livemode: false, data: { object: structuredClone(object) }, api_version: '2026-01-01' };
    if (this.outOfOrder && this.events.length > 0) this.events.splice(this.events.length - 1, 0, event);
    else this.events.push(event);
    return event;
  }

  /** Lists an event a second time, right after itself (duplicate delivery in one page). */
  redeliver(eventId: string): void {
    const at = this.events.findIndex((x) => x.id === eventId);
    if (at >= 0) this.events.splice(at + 1, 0, this.events[at]!);
  }

  /** The member pays: the session (or a new session of the payment link) completes, paid. */
  completeSession(id: string, opts: { amountTotal?: number } = {}): Obj {
    let s = this.objects.get(id)!;
    if (!s) throw new Error(`no such session or payment link ${id}`);
    if (s.object === 'payment_link') {
      const link = s;
      s = this.put({ id: this.id('cs'), object: 'checkout.session', created: this.nowS(), mode: 'payment', status: 'open', payment_status: 'unpaid',
        payment_link: link.id, metadata: { ...(link.metadata as object) }, amount_total: link.amount_total, currency: link.currency, url: null, customer: null, subscription: null });
    }
    if (s.status !== 'open') throw new Error(`session ${id} is ${String(s.status)}`);
    s.status = 'complete';
    s.payment_status = 'paid';
    if (opts.amountTotal !== undefined) s.amount_total = opts.amountTotal;
    if (s.mode === 'subscription') {
      const sub = this.put({ id: this.id('sub'), object: 'subscription', created: this.nowS(), status: 'active', customer: s.customer, metadata: { ...(s.metadata as object) },
        current_period_end: this.nowS() + 30 * 86_400, items: { object: 'list', data: [{ price: { id: s.price_id } }] } });
      s.subscription = sub.id;
      this.emit('customer.subscription.created', sub);
    }
    this.emit('checkout.session.completed', s);
    return s;
  }

  expireSession(id: string): Obj {
    const s = this.objects.get(id)!;
    s.status = 'expired';
    this.emit('checkout.session.expired', s);
    return s;
  }

  setSubscriptionStatus(id: string, status: string): Obj {
    const sub = this.objects.get(id)!;
    sub.status = status;
    this.emit('customer.subscription.updated', sub);
    return sub;
  }

  sessions(): Obj[] { return [...this.objects.values()].filter((o) => o.object === 'checkout.session'); }

  private put(o: Obj): Obj { this.objects.set(o.id, o); return o; }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    this.requests.push({ method, path: url.pathname, idempotencyKey: key });
    if (url.pathname.startsWith('/_test/')) return this.control(url, res);
    if (this.offline) { req.socket.destroy(); return; }
    const fi = method === 'POST' || url.pathname.startsWith('/v1/events') ? this.faults.findIndex((f) => f.path.test(url.pathname)) : -1;
    const fault = fi >= 0 ? this.faults.splice(fi, 1)[0]!.fault : null;
    if (fault === 'timeout') return; // never answers; the socket is destroyed by the client or stop()
    if (fault === 'error500') return this.send(res, 500, { error: { type: 'api_error', message: 'injected 500' } });
    const cacheKey = key && method === 'POST' ? `${url.pathname} ${key}` : null;
    const cached = cacheKey ? this.idem.get(cacheKey) : undefined;
    let status: number;
    let body: string;
    if (cached) ({ status, body } = cached);
    else {
      const params = method === 'POST' ? parseForm(Buffer.concat(chunks).toString('utf8')) : parseForm(url.search.slice(1));
      try {
        ({ status, body } = { status: 200, body: JSON.stringify(this.route(method, url.pathname, params)) });
      } catch (e) {
        status = (e as { status?: number }).status ?? 400;
        body = JSON.stringify({ error: { type: 'invalid_request_error', message: (e as Error).message } });
      }
      if (cacheKey && status < 500) this.idem.set(cacheKey, { status, body });
    }
    if (fault === 'drop_after_write') { req.socket.destroy(); return; }
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': this.id('req'), ...(cached ? { 'idempotent-replayed': 'true' } : {}) });
    res.end(body);
  }

  private send(res: ServerResponse, status: number, value: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }

  private control(url: URL, res: ServerResponse): void {
    const [, , action, id] = url.pathname.split('/');
    try {
      if (action === 'complete') return this.send(res, 200, this.completeSession(id!));
      if (action === 'expire') return this.send(res, 200, this.expireSession(id!));
      if (action === 'offline') { this.offline = id === 'on'; return this.send(res, 200, { offline: this.offline }); }
      if (action === 'sessions') return this.send(res, 200, this.sessions());
      return this.send(res, 404, { error: { message: 'unknown control' } });
    } catch (e) {
      return this.send(res, 400, { error: { message: (e as Error).message } });
    }
  }

  private route(method: string, path: string, p: Params): unknown {
    const parts = path.split('/').filter(Boolean).slice(1); // drop v1
    const resource = parts[0] === 'checkout' ? `checkout/${parts[1]}` : parts[0]!;
    const id = parts[0] === 'checkout' ? parts[2] : parts[1];
    if (method === 'GET' && id) {
      const o = this.objects.get(id);
      if (!o) throw Object.assign(new Error(`No such object: '${id}'`), { status: 404 });
      return o;
    }
    if (method === 'GET') return this.list(resource, p);
    if (method !== 'POST' || id) throw Object.assign(new Error(`unsupported ${method} ${path}`), { status: 404 });
    return this.create(resource, p);
  }

  private create(resource: string, p: Params): Obj {
    const created = this.nowS();
    const metadata = (p.metadata ?? {}) as Record<string, string>;
    switch (resource) {
      case 'customers':
        return this.emitCreated('customer', this.put({ id: this.id('cus'), object: 'customer', created, email: p.email ?? null, name: p.name ?? null, phone: p.phone ?? null, metadata }));
      case 'products':
        return this.put({ id: this.id('prod'), object: 'product', created, name: p.name, active: true, metadata });
      case 'prices': {
        const recurring = p.recurring as { interval?: string; interval_count?: string } | undefined;
        return this.put({ id: this.id('price'), object: 'price', created, product: p.product, unit_amount: Number(p.unit_amount), currency: p.currency,
          recurring: recurring ? { interval: recurring.interval, interval_count: Number(recurring.interval_count ?? 1) } : null, metadata });
      }
      case 'checkout/sessions': {
        const item = firstItem(p.line_items);
        const price = this.priceOf(item.price);
        const s = this.put({ id: this.id('cs'), object: 'checkout.session', created, mode: p.mode, status: 'open', payment_status: 'unpaid', customer: p.customer ?? null,
          client_reference_id: p.client_reference_id ?? null, metadata, amount_total: price.unit_amount * Number(item.quantity ?? 1), currency: price.currency,
          price_id: price.id, subscription: null, payment_link: null, url: '' });
        s.url = `${this.apiBase}/pay/${s.id}`;
        return s;
      }
      case 'payment_links': {
        const item = firstItem(p.line_items);
        const price = this.priceOf(item.price);
        const l = this.put({ id: this.id('plink'), object: 'payment_link', created, active: true, metadata, amount_total: price.unit_amount * Number(item.quantity ?? 1), currency: price.currency, url: '' });
        l.url = `${this.apiBase}/pay/${l.id}`;
        return l;
      }
      case 'subscriptions': {
        const item = firstItem(p.items);
        this.priceOf(item.price);
        const sub = this.put({ id: this.id('sub'), object: 'subscription', created, status: 'incomplete', customer: p.customer, metadata, current_period_end: created + 30 * 86_400 });
        this.emit('customer.subscription.created', sub);
        return sub;
      }
      default:
        throw Object.assign(new Error(`unsupported resource ${resource}`), { status: 404 });
    }
  }

  private emitCreated(kind: string, o: Obj): Obj { this.emit(`${kind}.created`, o); return o; }

  private priceOf(id: string | undefined): { id: string; unit_amount: number; currency: string } {
    const price = id ? this.objects.get(id) : undefined;
    if (!price || price.object !== 'price') throw new Error(`No such price: '${id}'`);
    return price as unknown as { id: string; unit_amount: number; currency: string };
  }

  /** Stripe lists newest first; `ending_before` gives the page just newer than that id. */
  private list(resource: string, p: Params): unknown {
    const limit = Math.min(100, Number(p.limit ?? 10));
    const all = resource === 'events' ? this.events
      : [...this.objects.values()].filter((o) => o.object === (resource === 'checkout/sessions' ? 'checkout.session' : resource.replace(/s$/, '')));
    const created = p.created as { gte?: string } | undefined;
    const oldestFirst = all.filter((o) => (!created?.gte || o.created >= Number(created.gte)) && (!p.payment_link || o.payment_link === p.payment_link));
    let page: Obj[];
    let hasMore: boolean;
    if (p.ending_before) {
      let at = oldestFirst.findIndex((o) => o.id === p.ending_before);
      while (at >= 0 && oldestFirst[at + 1]?.id === p.ending_before) at++; // past adjacent copies of a redelivered event
      if (at < 0) throw new Error(`No such ${resource}: '${String(p.ending_before)}'`);
      const newer = oldestFirst.slice(at + 1);
      page = newer.slice(0, limit);
      hasMore = newer.length > limit;
      page.reverse();
    } else {
      const newestFirst = [...oldestFirst].reverse();
      const from = p.starting_after ? newestFirst.findIndex((o) => o.id === p.starting_after) + 1 : 0;
      page = newestFirst.slice(from, from + limit);
      hasMore = newestFirst.length > from + limit;
    }
    return { object: 'list', url: `/v1/${resource}`, has_more: hasMore, data: page };
  }
}

/** Starts a fake Stripe on a free port (or `port`). */
export async function startFakeStripe(port = 0): Promise<FakeStripe> {
  const f = new FakeStripe();
  await f.start(port);
  return f;
}
