/**
 * The classes-in-action part of the API contract (issue 12): occurrences of published weeks,
 * bookings with the FIFO waitlist, check-in, the class policy, notifications, summaries and the
 * dashboards. Front desk books and checks in; trainers end classes and read summaries; managers
 * edit the policy and see the club dashboard. Spread into `contract` in index.ts.
 */
import { z } from 'zod';
import { ClassPolicySchema } from '../../engine/classes/policy';
import { COACHES, MANAGERS, op, STAFF_ONLY } from './op';
import { Id, IsoDate, MemberId } from './schemas';
import type * as C from './classes-views';
import { WeekStart } from './schedule';

const every = STAFF_ONLY;
const coaches = COACHES;
const Notes = z.string().max(4000, 'at most 4000 characters');

export const classesContract = {
  'classes/week': op<C.ClassWeekView>()({
    input: z.object({ weekStart: WeekStart.optional() }).strict(),
    access: every,
    summary: "The classes of a published week (default: the studio clock's current week) with their bookings, waitlists and check-ins.",
  }),
  'classes/occurrence': op<C.OccurrenceDetail>()({
    input: z.object({ occurrenceId: Id }).strict(),
    access: every,
    summary: 'One class: its members, waitlist in order, check-ins and policy.',
  }),
  'classes/book': op<C.BookingResult>()({
    input: z.object({ occurrenceId: Id, memberId: MemberId, source: z.enum(['front_desk', 'coach', 'member']).default('front_desk') }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: 'Book a member into a class, or onto its FIFO waitlist when it is full; refused outside the booking window.',
  }),
  'classes/cancel': op<C.BookingResult>()({
    input: z.object({ bookingId: Id, by: z.enum(['member', 'studio']).default('member') }).strict(),
    access: every,
    ownedBy: 'bookingId',
    summary: "Cancel a booking or waitlist entry (by the member: late after the cutoff; by the studio: never counted); promotes from the waitlist.",
  }),
  'classes/set-capacity': op<C.OccurrenceDetail>()({
    input: z.object({ occurrenceId: Id, capacity: z.number().int().min(1, 'at least 1 place').max(1000) }).strict(),
    access: MANAGERS,
    summary: "Change one class's places; raising it promotes from the waitlist, lowering it below the booked members is refused.",
  }),
  'classes/check-in': op<C.BookingResult>()({
    input: z.object({
      occurrenceId: Id,
      memberId: MemberId.optional(),
      /** The member card's code, as a scanner types it. */
      code: z.string().trim().min(1).max(200).optional(),
      walkIn: z.boolean().default(false),
    }).strict().refine((i) => (i.memberId === undefined) !== (i.code === undefined), { message: 'give a member or a card code', path: ['memberId'] }),
    access: every,
    summary: 'Check a member in by search or card code; a member without a booking needs walkIn; a second check-in is refused.',
  }),
  'classes/release-no-shows': op<C.OccurrenceDetail>()({
    input: z.object({ occurrenceId: Id }).strict(),
    access: every,
    summary: 'Release unchecked bookings as no-shows once the policy allows; the clock job does the same.',
  }),
  'classes/end': op<C.ClassSummaryView>()({
    input: z.object({ occurrenceId: Id, notes: Notes.optional() }).strict(),
    access: coaches,
    summary: 'End a class now: no-shows released, attendance recorded for the scheduler, the summary generated and stored.',
  }),
  'classes/notes': op<C.OccurrenceDetail>()({
    input: z.object({ occurrenceId: Id, notes: Notes }).strict(),
    access: coaches,
    summary: "Save the trainer's notes of a class (an ended class's summary is regenerated).",
  }),
  'classes/summary': op<C.ClassSummaryView>()({
    input: z.object({ occurrenceId: Id }).strict(),
    access: coaches,
    summary: "An ended class's stored summary.",
  }),
  'classes/summary-pdf': op<C.SummaryPdfView>()({
    input: z.object({ occurrenceId: Id }).strict(),
    access: coaches,
    summary: "An ended class's summary as a PDF (pdfkit).",
  }),
  'classes/member-card': op<C.MemberCardView>()({
    input: z.object({ memberId: MemberId, reissue: z.boolean().default(false) }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: "The member's card: the code and its QR (issued on first use; reissue invalidates the old one).",
  }),
  'classes/member-bookings': op<C.MemberBookingView[]>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: every,
    ownedBy: 'memberId',
    summary: "A member's bookings from today on.",
  }),
  'classes/policy': op<C.ClassPolicy>()({
    input: z.object({}).strict(),
    access: every,
    summary: 'The booking policy: window, cancel cutoff, no-shows, strikes, per class type overrides.',
  }),
  'classes/set-policy': op<C.ClassPolicy>()({
    input: z.object({ policy: ClassPolicySchema }).strict(),
    access: MANAGERS,
    summary: 'Replace the booking policy.',
  }),
  'classes/today': op<C.TodayView>()({
    input: z.object({ date: IsoDate.optional(), inactiveDays: z.number().int().min(1).max(365).default(10) }).strict(),
    access: coaches,
    summary: "The trainer's Today: today's classes, finished classes' summaries, pending approvals and reviews, members not training.",
  }),
  'classes/club-stats': op<C.ClubStatsView>()({
    input: z.object({ from: IsoDate, to: IsoDate }).strict(),
    access: MANAGERS,
    summary: 'Fill, waitlist and no-show rates per class type, hour and week; predicted against actual attendance (from ≤ to, at most 400 days).',
  }),
  'classes/clock-tick': op<C.ClockTickView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: "The clock job's step (run every 15 s by the host): starts classes, releases no-shows, ends classes after their end.",
  }),
  'notifications/list': op<C.NotificationsView>()({
    input: z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: every,
    summary: 'Studio notifications (class changes, promotions from waitlists), newest first.',
  }),
  'notifications/read': op<{ marked: number }>()({
    input: z.object({ ids: z.array(Id).min(1).max(500).optional() }).strict(),
    access: every,
    summary: 'Mark notifications read (all when no ids are given).',
  }),
} as const;
