/**
 * The live class monitor's operations (issue 12 part 3). The heart rates themselves travel on
 * the WebSocket (`/live/v1`, see main/live/hub.ts); these are the calls around it. Spread into
 * `contract` in index.ts.
 */
import { z } from 'zod';
import { COACHES, MANAGERS, op, STAFF_ONLY } from './op';
import { Id } from './schemas';
import type * as L from './live-views';

const OccurrenceId = Id;
const Seconds = z.number().int().min(0, 'must be 0–7200 s').max(7200, 'must be 0–7200 s');
const Bands = z.array(z.number().gt(0, 'a band is a fraction of reserve above 0').lt(1, 'a band is a fraction of reserve below 1')).min(1).max(8);

export const liveContract = {
  'live/ticket': op<L.LiveTicketView>()({
    input: z.object({ purpose: z.enum(['monitor', 'source']) }).strict(),
    access: STAFF_ONLY,
    summary: 'A one-time ticket (30 s) to open the live WebSocket: to watch classes, or to send heart rates.',
  }),
  'live/state': op<L.LiveView>()({
    input: z.object({ occurrenceId: OccurrenceId }).strict(),
    access: STAFF_ONLY,
    summary: 'The live state of a running class: members present, heart rates, zones, time in zone, alerts.',
  }),
  'live/start-simulated': op<L.LiveView>()({
    input: z.object({
      occurrenceId: OccurrenceId,
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
      speed: z.number().int().min(1, 'must be 1–30× real time').max(30, 'must be 1–30× real time').default(1),
    }).strict(),
    access: COACHES,
    summary: 'Drive a class with the simulated heart-rate feed (labelled SIMULATED everywhere).',
  }),
  'live/stop-simulated': op<L.LiveView>()({
    input: z.object({ occurrenceId: OccurrenceId }).strict(),
    access: COACHES,
    summary: 'Stop the simulated feed of a class.',
  }),
  'live/acknowledge': op<L.LiveAlert>()({
    input: z.object({ occurrenceId: OccurrenceId, alertId: z.number().int().min(1).max(1_000_000) }).strict(),
    access: COACHES,
    summary: 'Acknowledge a live alert (recorded in the audit log).',
  }),
  'live/settings': op<L.LiveSettingsView>()({
    input: z.object({}).strict(),
    access: STAFF_ONLY,
    summary: 'The zone bands and alert thresholds of the live monitor.',
  }),
  'live/set-settings': op<L.LiveSettingsView>()({
    input: z.object({
      bands: Bands.optional(),
      plannedZone: z.number().int().min(1).max(8).optional(),
      highPctOfMax: z.number().gt(0.5).max(1.2).optional(),
      highForS: Seconds.optional(),
      lostSignalS: Seconds.optional(),
      classAboveForS: Seconds.optional(),
      farBelowMargin: z.number().min(0).lt(1).optional(),
      farBelowForS: Seconds.optional(),
      warmupS: Seconds.optional(),
    }).strict().refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' }),
    access: MANAGERS,
    summary: 'Change the zone bands or alert thresholds (new classes use them).',
  }),
} as const;
