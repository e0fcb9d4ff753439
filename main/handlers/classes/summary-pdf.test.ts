/** The summary PDF is real: pdftoppm renders every page, and pdftotext finds the figures on it. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeClass } from '../../../engine/classes/summary';
import type { OccurrenceView } from '../../contract/classes-views';
import { summaryPdf } from './summary-pdf';

const startsAtMs = Date.parse('2026-12-07T17:00:00Z');
const occurrence: OccurrenceView = {
  id: 3, weekStart: '2026-12-07', date: '2026-12-07', startMin: 1080, durationMin: 60, startsAt: '2026-12-07T17:00:00.000Z', endsAt: '2026-12-07T18:00:00.000Z',
  timezone: 'Europe/Berlin', classTypeId: 'hiit', className: 'HIIT', color: '#e53935', roomId: 'studio', roomName: 'Studio A', trainerId: 'anna', trainerName: 'Anna',
  capacity: 10, predicted: 8, status: 'ended', booked: 3, checkedIn: 3, waitlisted: 0, noShows: 1, free: 7, hasSummary: true,
};
const members = Array.from({ length: 40 }, (_, i) => ({ memberId: i + 1, name: `Member ${i + 1}`, status: 'checked_in', walkIn: false }));
const summary = summarizeClass({
  occurrence: { ...occurrence, startsAtMs, endsAtMs: startsAtMs + 3_600_000, predicted: 8 },
  bookings: members,
  heartRates: new Map(members.map((m) => [m.memberId, Array.from({ length: 600 }, (_, i) => ({ atMs: startsAtMs + i * 1000, bpm: 120 + m.memberId }))])),
  limits: new Map(members.map((m) => [m.memberId, { restBpm: 60, maxBpm: 185, maxSource: 'tanaka' }])),
  targetZone: 3, sets: [], alerts: [{ kind: 'above_max', message: 'Member 40 above 90 % of max for 60 s', memberId: 40, raisedAt: '2026-12-07T17:20:00.000Z', acknowledgedAt: null }],
  trainerNotes: 'Strong finish.', generatedAt: '2026-12-07T18:00:00.000Z',
});

describe('the summary PDF', () => {
  it('renders every page with pdftoppm and holds the figures', async () => {
    const pdf = await summaryPdf(occurrence, summary);
    expect(pdf.fileName).toBe('class-summary-2026-12-07-3.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'studio-pdf-'));
    try {
      const file = join(dir, 'summary.pdf');
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(file, bytes);
      execFileSync('pdftoppm', ['-png', '-r', '40', file, join(dir, 'page')]);
      const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
      expect(pages.length).toBe(pdf.pages);
      expect(pdf.pages).toBeGreaterThanOrEqual(2); // 40 members do not fit one A4 page
      for (const p of pages) expect(statSync(join(dir, p)).size).toBeGreaterThan(2000);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toMatch(/HIIT: class summary/);
      expect(text).toMatch(new RegExp(`Engagement ${summary.engagement.score}/100`));
      expect(text).toMatch(/Member 40: zones 1–5/);
      expect(text).toMatch(/Strong finish\./);
      expect(text).toMatch(/Member 40 above 90 % of max/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
