/** A finished class's summary: attendance against bookings and prediction, engagement with its inputs, effort per member, highlights, improvements, alerts, notes; PDF export. */
import { Box, Button, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import type { ClassSummaryView } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { downloadBase64 } from '../../components/download';
import '../../components/charts';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { clubDayTime } from './club-time';

const ZONE_COLORS = ['#b0bec5', '#90caf9', '#66bb6a', '#ffee58', '#ffa726', '#ef5350'];
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)} %`);
const mins = (s: number) => (s / 60).toFixed(1);

function ZoneChart({ v }: { v: ClassSummaryView }) {
  const withHr = v.summary.members.filter((m) => m.effort);
  const data: ChartData<'bar', number[], string> = {
    labels: withHr.map((m) => m.name),
    datasets: [1, 2, 3, 4, 5].map((z) => ({ label: `zone ${z}`, data: withHr.map((m) => Math.round(m.effort!.zoneSeconds[z]! / 6) / 10), backgroundColor: ZONE_COLORS[z] })),
  };
  const options: ChartOptions<'bar'> = { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'min' } } } };
  return <Box sx={{ height: 200, position: 'relative' }}><Chart type="bar" data={data} options={options} aria-label="Minutes per zone per member" role="img" /></Box>;
}

function Lines({ items, empty, testId }: { items: string[]; empty: string; testId: string }) {
  return <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid={testId}>{items.length ? items.map((t) => <li key={t}><Typography variant="body2">{t}</Typography></li>) : <Typography variant="body2" color="text.secondary">{empty}</Typography>}</Box>;
}

export function SummaryPage({ occurrenceId }: { occurrenceId: number }) {
  const { showError, showMessage } = useStudio();
  const loaded = useLoad(() => api.classes.summary({ occurrenceId }), [occurrenceId]);
  const v = loaded.data;
  if (!v) return loaded.loading ? <LinearProgress /> : null;
  const s = v.summary;
  const a = s.attendance;
  const exportPdf = async () => {
    try {
      const pdf = await api.classes.summaryPdf({ occurrenceId });
      downloadBase64(pdf.fileName, 'application/pdf', pdf.base64);
      showMessage(`Saved ${pdf.fileName} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'})`);
    } catch (e) { showError(e); }
  };
  return (
    <Box data-testid="summary-page">
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h2">{s.className} summary</Typography>
          <Typography variant="body2" color="text.secondary">{clubDayTime(v.occurrence.startsAt, v.occurrence.timezone)} · {s.roomName} · {s.trainerName}</Typography>
        </Box>
        <Button variant="contained" onClick={exportPdf} data-testid="export-pdf">Export PDF</Button>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 1.5 }}>
        <Section title="Attendance" testId="summary-attendance">
          <Typography variant="body2">Checked in <b>{a.checkedIn}</b> of {a.booked} booked ({a.ofBookingsPct ?? 'n/a'} %) · {a.walkIns} walk-ins · {a.noShows} no-shows · {a.lateCancels} late cancels · {a.capacity} places</Typography>
          <Typography variant="body2">Scheduler's prediction: {a.predicted ?? '—'}{a.ofPredictedPct === null ? '' : ` (attendance ${a.ofPredictedPct} % of it)`}</Typography>
        </Section>
        <Section title={`Engagement ${s.engagement.score}/100`} testId="summary-engagement">
          <Typography variant="body2">Attendance rate {pct(s.engagement.inputs.attendanceRate)} · target-zone share {pct(s.engagement.inputs.targetZoneShare)} · completion {pct(s.engagement.inputs.completion)}</Typography>
          <Typography variant="caption" color="text.secondary">Ours: {s.engagement.formula}</Typography>
        </Section>
        <Section title="Effort per member" testId="summary-effort">
          <Typography variant="body2" color="text.secondary" data-testid="summary-hr-note">Heart rate: {s.heartRate.note}. Target zone {s.heartRate.targetZone}+ · points (ours): z per minute in zone z.</Typography>
          {s.heartRate.available && <ZoneChart v={v} />}
          <Table size="small">
            <TableHead><TableRow><TableCell>Member</TableCell><TableCell>Zones 1–5 (min)</TableCell><TableCell>Target (min)</TableCell><TableCell>Points</TableCell><TableCell>Avg/max bpm</TableCell></TableRow></TableHead>
            <TableBody>
              {s.members.map((m) => (
                <TableRow key={m.memberId}>
                  <TableCell>{m.name}{m.walkIn ? ' (walk-in)' : ''}</TableCell>
                  {m.effort ? (<>
                    <TableCell>{m.effort.zoneSeconds.slice(1).map(mins).join(' / ')}</TableCell>
                    <TableCell>{mins(m.effort.targetSeconds)}</TableCell><TableCell>{m.effort.points}</TableCell>
                    <TableCell>{m.effort.avgBpm}/{m.effort.maxBpm}</TableCell>
                  </>) : <TableCell colSpan={4}>no heart-rate data</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Box sx={{ display: 'grid', gap: 1.5, alignContent: 'start' }}>
          <Section title="Highlights" testId="summary-highlights"><Lines items={s.highlights} empty="None recorded." testId="highlights" /></Section>
          <Section title="Areas for improvement" testId="summary-improvements"><Lines items={s.improvements} empty="None." testId="improvements" /></Section>
          <Section title="Alerts" testId="summary-alerts"><Lines items={s.alerts.map((x) => `${x.message}${x.acknowledgedAt ? ' (acknowledged)' : ''}`)} empty="No alerts were raised." testId="alerts" /></Section>
          <Section title="Trainer's notes" testId="summary-notes"><Typography variant="body2" data-testid="summary-notes-text">{s.trainerNotes || '—'}</Typography></Section>
        </Box>
      </Box>
    </Box>
  );
}
