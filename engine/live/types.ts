/** Shapes of the live class monitor: samples, alerts, settings and the state snapshot monitors see. */
import type { HeartProfile } from './zones';

/** One heart-rate reading of one member. `atMs`: UTC epoch milliseconds. */
export interface HeartRateSample {
  memberId: number;
  bpm: number;
  atMs: number;
}

export const ALERT_KINDS = ['high_heart_rate', 'class_above_plan', 'lost_signal', 'far_below_target', 'heart_rate_red_flag'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One alert of a running class. Times are ISO-8601 UTC. */
export interface LiveAlert {
  /** Unique within the class (1, 2, …, in the order raised). */
  id: number;
  kind: AlertKind;
  /** The member it is about; null for a class-wide alert. */
  memberId: number | null;
  message: string;
  raisedAt: string;
  /** When its condition ended (null: still holds). A recurrence raises a new alert. */
  clearedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: number | null;
}

/** The thresholds of a class's alerts and zones; every duration in seconds, every share a fraction. */
export interface MonitorSettings {
  /** Lower bounds of zones 1..n, fractions of heart-rate reserve. */
  bands: number[];
  /** The zone the class is planned in (1..bands.length). */
  plannedZone: number;
  /** Share of maximum heart rate that counts as high (0.9 = 90 %). */
  highPctOfMax: number;
  /** How long a member must stay at or above it before an alert. */
  highForS: number;
  /** No sample for this long: the signal is lost. */
  lostSignalS: number;
  /** How long the class average must stay above the planned zone before an alert. */
  classAboveForS: number;
  /** How far below the planned zone's lower bound (fraction of reserve) is "far below". */
  farBelowMargin: number;
  /** How long a member must stay far below before an alert. */
  farBelowForS: number;
  /** From the class start, no class-above or far-below alerts (the warm-up). */
  warmupS: number;
}

/** One member present in the class. */
export interface MonitorMember {
  memberId: number;
  name: string;
  /** Shown instead of the name when set. */
  nickname: string | null;
  profile: HeartProfile;
}

export type SignalState = 'waiting' | 'ok' | 'lost';

/** One member's tile. */
export interface MemberTile {
  memberId: number;
  displayName: string;
  bpm: number | null;
  /** 0..bands.length; null without a reading or without known limits. */
  zone: number | null;
  /** bpm / max, 0–1+; null as for zone. */
  pctOfMax: number | null;
  /** Fraction of heart-rate reserve; null as for zone. */
  reserveFraction: number | null;
  maxBpm: number | null;
  maxSource: 'observed' | 'tanaka' | null;
  /** Seconds spent in each zone so far (index = zone). */
  secondsInZone: number[];
  signal: SignalState;
  lastSampleAt: string | null;
}

/** A sample the monitor did not take, and why. */
export interface Rejection {
  at: string;
  memberId: number;
  reason: 'out_of_range' | 'not_in_class' | 'out_of_order';
  message: string;
}

/** Everything a monitor screen needs, JSON-safe. */
export interface LiveSnapshot {
  occurrenceId: number;
  startedAt: string;
  at: string;
  settings: MonitorSettings;
  members: MemberTile[];
  classAverage: { reserveFraction: number | null; zone: number | null; members: number };
  alerts: LiveAlert[];
  /** The latest rejected samples (at most 50), newest last. */
  rejections: Rejection[];
  rejectedCounts: Record<Rejection['reason'], number>;
}
