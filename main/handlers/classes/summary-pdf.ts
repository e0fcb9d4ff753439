/**
 * The post-class summary as a PDF, laid out with pdfkit (A4, the built-in Helvetica fonts, so
 * no font files are needed). Zone times in minutes; the engagement formula and inputs printed.
 */
import PDFDocument from 'pdfkit';
import type { ClassSummary } from '../../../engine/classes/summary';
import type { OccurrenceView, SummaryPdfView } from '../../contract/classes-views';
import { clubTime } from './views';

const pctOf = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)} %`);
const mins = (s: number) => (s / 60).toFixed(1);

/** Renders the summary; resolves to the PDF bytes as base64 and its page count. */
export function summaryPdf(o: OccurrenceView, s: ClassSummary): Promise<SummaryPdfView> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, bufferPages: true, info: { Title: `${s.className} summary`, Author: 'Trainer Studio' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  writeSummary(doc, o, s);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return done.then((buf) => ({ fileName: `class-summary-${o.date}-${o.id}.pdf`, base64: buf.toString('base64'), pages }));
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1a237e').text(text).font('Helvetica').fontSize(10).fillColor('black').moveDown(0.2);
}

function lines(doc: PDFKit.PDFDocument, items: string[], empty: string): void {
  if (items.length === 0) doc.fillColor('#555').text(empty).fillColor('black');
  for (const i of items) doc.text(`• ${i}`);
}

function writeSummary(doc: PDFKit.PDFDocument, o: OccurrenceView, s: ClassSummary): void {
  doc.font('Helvetica-Bold').fontSize(20).text(`${s.className}: class summary`);
  doc.font('Helvetica').fontSize(11).fillColor('#333')
    .text(`${clubTime(o.startsAt, o.timezone)} (${o.timezone}), ${s.durationMin} min · ${s.roomName} · trainer ${s.trainerName}`).fillColor('black');
  const a = s.attendance;
  heading(doc, 'Attendance');
  doc.text(`Checked in ${a.checkedIn} of ${a.booked} booked (${a.ofBookingsPct ?? 'n/a'} %), ${a.walkIns} walk-ins, ${a.noShows} no-shows, ${a.lateCancels} late cancels; ${a.capacity} places.`);
  doc.text(`Predicted by the scheduler: ${a.predicted ?? 'no prediction'}${a.ofPredictedPct === null ? '' : ` (attendance ${a.ofPredictedPct} % of it)`}.`);
  heading(doc, `Engagement ${s.engagement.score}/100`);
  doc.text(`Formula (ours): ${s.engagement.formula}`);
  doc.text(`Inputs: attendance rate ${pctOf(s.engagement.inputs.attendanceRate)}, target-zone share ${pctOf(s.engagement.inputs.targetZoneShare)}, completion ${pctOf(s.engagement.inputs.completion)}.`);
  heading(doc, 'Effort per member');
  doc.text(`Heart rate: ${s.heartRate.note}. Zones by heart-rate reserve, bands ${s.heartRate.zoneBands.map((b) => `${Math.round(b * 100)} %`).join('/')}; target zone ${s.heartRate.targetZone}+. Points (ours): z per minute in zone z.`);
  doc.moveDown(0.3);
  for (const m of s.members) {
    const e = m.effort;
    doc.text(e ? `${m.name}${m.walkIn ? ' (walk-in)' : ''}: zones 1–5 ${e.zoneSeconds.slice(1).map(mins).join(' / ')} min, in target ${mins(e.targetSeconds)} min, ${e.points} points, avg ${e.avgBpm} bpm, max ${e.maxBpm} bpm`
      : `${m.name}${m.walkIn ? ' (walk-in)' : ''}: no heart-rate data`);
  }
  if (s.members.length === 0) doc.text('Nobody checked in.');
  heading(doc, 'Highlights');
  lines(doc, s.highlights, 'None recorded.');
  heading(doc, 'Areas for improvement');
  lines(doc, s.improvements, 'None.');
  heading(doc, 'Alerts');
  lines(doc, s.alerts.map((al) => `${al.message}${al.acknowledgedAt ? ' (acknowledged)' : ''}`), 'No alerts were raised.');
  heading(doc, "Trainer's notes");
  doc.text(s.trainerNotes || '—');
  doc.moveDown(1).fontSize(8).fillColor('#777').text(`Generated ${s.generatedAt} by Trainer Studio.`);
}
