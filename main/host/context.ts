/** What every handler receives besides its validated input. */
import type { StudioDatabase } from '../../db/open';
import type { StaffRow } from '../../db/staff';

/** How the call arrived. `http-lan` is any HTTP caller not on a loopback address. */
export type Transport = 'ipc' | 'http-local' | 'http-lan' | 'cli';

export interface Caller {
  transport: Transport;
  /** The staff member acting; null for LAN callers until staff sign-in exists. */
  staff: StaffRow | null;
}

export interface HandlerContext {
  store: StudioDatabase;
  caller: Caller;
  /** Reports progress of long work: `fraction` 0–1 and a line for people. */
  progress(fraction: number, message: string): void;
  /** The current time; injectable for tests. */
  now(): Date;
  /** The studio version, from package.json. */
  version: string;
}
