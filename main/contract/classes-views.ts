/**
 * What the classes-in-action operations return (issue 12). Instants are ISO-8601 UTC; `date`
 * and `startMin` are club-local (render with `timezone` through `Intl`).
 */
import type { BookingPolicy, ClassPolicy } from '../../engine/classes/policy';
import type { ClassSummary } from '../../engine/classes/summary';

export type { BookingPolicy, ClassPolicy, ClassSummary };
export type OccurrenceStatus = 'scheduled' | 'running' | 'ended' | 'cancelled';
export type BookingStatusName = 'booked' | 'waitlisted' | 'checked_in' | 'cancelled' | 'late_cancelled' | 'no_show';

export interface OccurrenceView {
  id: number;
  weekStart: string;
  date: string;
  startMin: number;
  durationMin: number;
  startsAt: string;
  endsAt: string;
  /** The club's IANA time zone. */
  timezone: string;
  classTypeId: string;
  className: string;
  color: string;
  roomId: string;
  roomName: string;
  trainerId: string;
  trainerName: string;
  capacity: number;
  /** The scheduler's predicted attendance when published (people), or null. */
  predicted: number | null;
  status: OccurrenceStatus;
  /** Places taken (booked or checked in). */
  booked: number;
  checkedIn: number;
  waitlisted: number;
  noShows: number;
  free: number;
  hasSummary: boolean;
}

export interface ClassWeekView {
  weekStart: string;
  /** Today's club-local date and the studio clock's instant (the host's clock, see `serve --clock-start`). */
  today: string;
  now: string;
  timezone: string;
  classes: OccurrenceView[];
}

export interface BookingView {
  id: number;
  occurrenceId: number;
  memberId: number;
  memberName: string;
  status: BookingStatusName;
  queuedAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  walkIn: boolean;
  /** 1-based place on the waitlist, or null when not waitlisted. */
  waitlistPosition: number | null;
}

export interface OccurrenceDetail extends OccurrenceView {
  bookings: BookingView[];
  trainerNotes: string;
  policy: BookingPolicy;
}

export interface BookingResult {
  booking: BookingView;
  occurrence: OccurrenceView;
  /** For people: "Ana is booked" or "Ana is 3rd on the waitlist". */
  message: string;
  /** Members moved from the waitlist into the class by this call. */
  promoted: BookingView[];
}

export interface MemberBookingView extends BookingView { className: string; startsAt: string; timezone: string; roomName: string }

export interface NotificationView {
  id: number;
  createdAt: string;
  kind: string;
  message: string;
  audience: string;
  memberId: number | null;
  occurrenceId: number | null;
  readAt: string | null;
}

export interface NotificationsView { unread: number; items: NotificationView[] }

export interface MemberCardView {
  memberId: number;
  memberName: string;
  /** The text the QR code holds; typing or scanning it into the check-in box checks the member in. */
  code: string;
  /** The QR code as an SVG document. */
  qrSvg: string;
}

export interface ClassSummaryView { occurrence: OccurrenceView; generatedAt: string; summary: ClassSummary }

export interface SummaryPdfView { fileName: string; /** The PDF, base64. */ base64: string; pages: number }

export interface TodayView {
  date: string;
  timezone: string;
  classes: OccurrenceView[];
  summaries: Array<{ occurrenceId: number; className: string; startsAt: string; engagement: number; checkedIn: number; booked: number; predicted: number | null }>;
  pendingPlans: Array<{ planId: number; memberId: number; memberName: string; name: string; createdAt: string }>;
  pendingReviews: Array<{ adjustmentId: number; memberId: number; memberName: string; week: number; createdAt: string }>;
  /** Members with no logged session for `inactiveDays` or more (or never). */
  inactiveMembers: Array<{ memberId: number; name: string; lastTrainedAt: string | null; days: number | null }>;
  inactiveDays: number;
}

export interface RateRow { classes: number; capacity: number; bookings: number; attended: number; waitlisted: number; noShows: number;
  /** attended ÷ capacity */ fillRate: number; /** bookings that went to the waitlist ÷ bookings */ waitlistRate: number;
  /** no-shows ÷ (no-shows + booked members who came) */ noShowRate: number; predicted: number; }

export interface ClubStatsView {
  from: string;
  to: string;
  timezone: string;
  total: RateRow;
  byClassType: Array<RateRow & { classTypeId: string; name: string }>;
  /** Club-local start hour, 0–23. */
  byHour: Array<RateRow & { hour: number; avgAttended: number }>;
  byWeek: Array<RateRow & { weekStart: string }>;
  predictedVsActual: Array<{ occurrenceId: number; label: string; predicted: number | null; actual: number }>;
  busiestHours: number[];
  quietestHours: number[];
}

export interface ClockTickView { started: number; noShowsReleased: number; ended: number; at: string }
