/**
 * A small hybrid logical clock (after Kulkarni et al. 2014, as in `@actual-app/crdt`).
 *
 * A timestamp is (wall ms, counter, node). `tick` stamps a local event, `receive` folds in a
 * remote timestamp, so that every stamp a node makes is later than every stamp it has seen and
 * never runs backwards when the wall clock does. Packed as text that sorts in time order:
 * `000001733270400000-0000-<node>` (15-digit ms since 1970, 4 hex digits of counter, node id).
 * Ties on (ms, counter) are broken by the node id, so any two stamps compare deterministically.
 *
 * Errors: `HlcError` when the counter overflows (65,535 events in one ms) or a remote clock is
 * more than `MAX_DRIFT_MS` ahead of ours (a phone with its clock set to next year).
 */
export interface Hlc { ms: number; counter: number; node: string }

export const MAX_COUNTER = 0xffff;
/** How far a remote clock may run ahead of the local wall clock, ms (1 day). */
export const MAX_DRIFT_MS = 86_400_000;
/** Node ids: 1–32 characters of [A-Za-z0-9_-]. */
export const NODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** The packed form: 15 digits, dash, 4 hex digits, dash, node. */
export const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-[A-Za-z0-9_-]{1,32}$/;

export class HlcError extends Error {
  constructor(readonly reason: 'counter_overflow' | 'clock_drift' | 'malformed', message: string) {
    super(message);
    this.name = 'HlcError';
  }
}

export function packHlc(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

/** Parses a packed stamp; null when malformed. */
export function parseHlc(text: string): Hlc | null {
  if (!HLC_PATTERN.test(text)) return null;
  const [ms, counter, ...node] = text.split('-');
  return { ms: Number(ms), counter: parseInt(counter!, 16), node: node.join('-') };
}

/** Total order: -1, 0 or 1. Packed stamps compare the same way as strings. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock for one node, reading the wall clock through `now` (ms). */
export class HybridClock {
  private last: Hlc;

  /**
   * `maxDriftMs`: how far ahead a received stamp may be (the studio refuses phones a day ahead;
   * a phone takes the studio's clock whatever its own says: pass Infinity).
   */
  constructor(readonly node: string, private readonly now: () => number = Date.now, start?: string, private readonly maxDriftMs = MAX_DRIFT_MS) {
    if (!NODE_PATTERN.test(node)) throw new HlcError('malformed', `"${node.slice(0, 40)}" is not a clock node id`);
    this.last = (start ? parseHlc(start) : null) ?? { ms: 0, counter: 0, node };
    this.last = { ...this.last, node };
  }

  /** The newest stamp this clock made or saw, packed. */
  get latest(): string {
    return packHlc(this.last);
  }

  /** Stamps a local event. */
  tick(): string {
    const wall = this.now();
    const ms = Math.max(this.last.ms, wall);
    const counter = ms === this.last.ms ? this.last.counter + 1 : 0;
    if (counter > MAX_COUNTER) throw new HlcError('counter_overflow', 'more than 65,535 events in one millisecond');
    this.last = { ms, counter, node: this.node };
    return packHlc(this.last);
  }

  /** Folds in a remote stamp (refused when it is more than a day ahead of our wall clock). */
  receive(remoteText: string): string {
    const remote = parseHlc(remoteText);
    if (!remote) throw new HlcError('malformed', 'the clock stamp is not an HLC');
    const wall = this.now();
    if (remote.ms - wall > this.maxDriftMs) throw new HlcError('clock_drift', 'the clock stamp is more than a day ahead of the studio clock');
    const ms = Math.max(this.last.ms, remote.ms, wall);
    let counter: number;
    if (ms === this.last.ms && ms === remote.ms) counter = Math.max(this.last.counter, remote.counter) + 1;
    else if (ms === this.last.ms) counter = this.last.counter + 1;
    else if (ms === remote.ms) counter = remote.counter + 1;
    else counter = 0;
    if (counter > MAX_COUNTER) throw new HlcError('counter_overflow', 'more than 65,535 events in one millisecond');
    this.last = { ms, counter, node: this.node };
    return packHlc(this.last);
  }
}
