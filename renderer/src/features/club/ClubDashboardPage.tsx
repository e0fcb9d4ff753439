/** The manager's Club dashboard: fill, waitlist and no-show rates per class type, hour and week; predicted against actual; busiest and quietest hours. Each chart has a table view. */
import { useState, type ReactNode } from 'react';
import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import type { RateRow } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { SERIES_COLORS } from '../../components/charts';
import '../../components/charts';
import { useLoad } from '../../use-load';

const p = (x: number) => `${Math.round(x * 100)} %`;
const RATES = [['fillRate', 'fill'], ['waitlistRate', 'waitlist'], ['noShowRate', 'no-show']] as const;

function ChartOrTable({ title, chart, table, testId }: { title: string; chart: ReactNode; table: ReactNode; testId: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Section title={title} testId={testId} actions={
      <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, v: 'chart' | 'table' | null) => v && setView(v)}>
        <ToggleButton value="chart" data-testid={`${testId}-chart`}>Chart</ToggleButton><ToggleButton value="table" data-testid={`${testId}-table`}>Table</ToggleButton>
      </ToggleButtonGroup>}>
      {view === 'chart' ? <Box sx={{ height: 220, position: 'relative' }}>{chart}</Box> : table}
    </Section>
  );
}

function rateChart(labels: string[], rows: RateRow[], type: 'bar' | 'line') {
  const data: ChartData<'bar' | 'line', number[], string> = {
    labels, datasets: RATES.map(([k, label], i) => ({ label, data: rows.map((r) => Math.round(r[k] * 1000) / 10), backgroundColor: SERIES_COLORS[i], borderColor: SERIES_COLORS[i] })),
  };
  const options: ChartOptions<'bar' | 'line'> = { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } };
  return <Chart type={type} data={data} options={options} role="img" aria-label="rates" />;
}

function rateTable(first: string, labels: string[], rows: RateRow[]) {
  return (
    <Table size="small">
      <TableHead><TableRow><TableCell>{first}</TableCell><TableCell>Classes</TableCell><TableCell>Attended</TableCell><TableCell>Fill</TableCell><TableCell>Waitlist</TableCell><TableCell>No-show</TableCell></TableRow></TableHead>
      <TableBody>{rows.map((r, i) => (
        <TableRow key={labels[i]}><TableCell>{labels[i]}</TableCell><TableCell>{r.classes}</TableCell><TableCell>{r.attended}</TableCell><TableCell>{p(r.fillRate)}</TableCell><TableCell>{p(r.waitlistRate)}</TableCell><TableCell>{p(r.noShowRate)}</TableCell></TableRow>
      ))}</TableBody>
    </Table>
  );
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export function ClubDashboardPage() {
  const [from, setFrom] = useState(daysAgo(90));
  const [to, setTo] = useState(daysAgo(-14));
  const loaded = useLoad(() => api.classes.clubStats({ from, to }), [from, to]);
  const s = loaded.data;
  const hours = s?.byHour.map((h) => `${String(h.hour).padStart(2, '0')}:00`) ?? [];
  return (
    <Box data-testid="club-dashboard">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Club dashboard</Typography>
        <TextField size="small" type="date" label="From" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'club-from' } }} />
        <TextField size="small" type="date" label="To" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'club-to' } }} />
      </Box>
      {loaded.loading && <LinearProgress />}
      {s && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="club-totals">
            {s.total.classes} class{s.total.classes === 1 ? "" : "es"} · fill {p(s.total.fillRate)} · waitlist {p(s.total.waitlistRate)} · no-show {p(s.total.noShowRate)} ·
            busiest {s.busiestHours.map((h) => `${h}:00`).join(', ') || '—'} · quietest {s.quietestHours.map((h) => `${h}:00`).join(', ') || '—'} ({s.timezone})
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 1.5 }}>
            <ChartOrTable title="Per class type" testId="club-types" chart={rateChart(s.byClassType.map((c) => c.name), s.byClassType, 'bar')} table={rateTable('Class', s.byClassType.map((c) => c.name), s.byClassType)} />
            <ChartOrTable title="Per hour (club time)" testId="club-hours" chart={rateChart(hours, s.byHour, 'bar')} table={rateTable('Hour', hours, s.byHour)} />
            <ChartOrTable title="Over time (per week)" testId="club-weeks" chart={rateChart(s.byWeek.map((w) => w.weekStart), s.byWeek, 'line')} table={rateTable('Week of', s.byWeek.map((w) => w.weekStart), s.byWeek)} />
            <ChartOrTable title="Predicted against actual attendance" testId="club-predicted"
              chart={<Chart type="bar" options={{ responsive: true, maintainAspectRatio: false, animation: false }} role="img" aria-label="predicted against actual"
                data={{ labels: s.predictedVsActual.map((x) => x.label), datasets: [
                  { label: 'predicted', data: s.predictedVsActual.map((x) => x.predicted ?? 0), backgroundColor: SERIES_COLORS[3] },
                  { label: 'actual', data: s.predictedVsActual.map((x) => x.actual), backgroundColor: SERIES_COLORS[0] }] }} />}
              table={<Table size="small"><TableHead><TableRow><TableCell>Class</TableCell><TableCell>Predicted</TableCell><TableCell>Actual</TableCell></TableRow></TableHead>
                <TableBody>{s.predictedVsActual.map((x) => <TableRow key={x.occurrenceId}><TableCell>{x.label}</TableCell><TableCell>{x.predicted ?? '—'}</TableCell><TableCell>{x.actual}</TableCell></TableRow>)}</TableBody></Table>} />
          </Box>
        </>
      )}
    </Box>
  );
}
