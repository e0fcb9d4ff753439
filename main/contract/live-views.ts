/** What the live class monitor's operations and WebSocket messages carry (times ISO-8601 UTC). */
import type { LiveAlert, LiveSnapshot, MemberTile, MonitorSettings } from '../../engine/live/types';

export type { LiveAlert, LiveSnapshot, MemberTile, MonitorSettings, Rejection, AlertKind } from '../../engine/live/types';

/** Where the heart rates of a class come from: the built-in simulator, straps/phones, or nothing yet. */
export type LiveSource = 'simulated' | 'sensors' | 'none';

/** The full state of a running class as a monitor gets it (on connecting and reconnecting). */
export interface LiveView extends LiveSnapshot {
  className: string;
  startsAt: string;
  endsAt: string;
  source: LiveSource;
  /** True while the simulated feed drives this class: every screen labels it "SIMULATED". */
  simulated: boolean;
  /** Simulated seconds per real second (null without a simulator). */
  simulatedSpeed: number | null;
}

export interface LiveTicketView {
  ticket: string;
  expiresAt: string;
  /** Path of the WebSocket on this studio; connect to `ws(s)://<host><path>?ticket=<ticket>`. */
  path: string;
}

export type LiveSettingsView = MonitorSettings;

/** Messages the studio sends on the live WebSocket. */
export type LiveServerMessage =
  | { type: 'hello'; purpose: 'monitor' | 'source'; staffId: number }
  | { type: 'snapshot'; live: LiveView }
  | { type: 'tile'; occurrenceId: number; simulated: boolean; tile: MemberTile; classAverage: LiveSnapshot['classAverage'] }
  | { type: 'alert'; occurrenceId: number; simulated: boolean; alert: LiveAlert }
  | { type: 'ended'; occurrenceId: number }
  | { type: 'rejected'; occurrenceId: number; memberId: number; reason: string; message: string }
  | { type: 'error'; reason: string; message: string };
