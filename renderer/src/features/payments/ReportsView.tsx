/**
 * Payments reports (managers): revenue by product and month, memberships (active, frozen, past
 * due, cancelled this month, churn), and outstanding balances: each a chart.js chart with its
 * table view, and CSV export of the revenue and outstanding tables (`payments/report-csv`).
 */
import { useState } from 'react';
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import {
  Box, Button, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import type { PaymentsReport } from '../../../../main/contract/index';
import { api } from '../../api';
import { SERIES_COLORS } from '../../components/charts';
import '../../components/charts';
import { downloadText } from '../../components/download';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { formatMoney } from './money';

type Look = 'chart' | 'table';

function LookToggle({ value, onChange, testId }: { value: Look; onChange(v: Look): void; testId: string }) {
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_, v: Look | null) => v && onChange(v)} data-testid={testId}>
      <ToggleButton value="chart" sx={{ py: 0.25 }} data-testid={`${testId}-chart`}>Chart</ToggleButton>
      <ToggleButton value="table" sx={{ py: 0.25 }} data-testid={`${testId}-table`}>Table</ToggleButton>
    </ToggleButtonGroup>
  );
}

function CsvButton({ table }: { table: 'revenue' | 'outstanding' }) {
  const { showError } = useStudio();
  const run = async () => {
    try { const r = await api.payments.reportCsv({ table }); downloadText(r.fileName, 'text/csv', r.csv); } catch (e) { showError(e); }
  };
  return <Button size="small" onClick={run} data-testid={`csv-${table}`}>CSV</Button>;
}

export function ReportsView({ version }: { version: number }) {
  const loaded = useLoad(() => api.payments.report({}), [version]);
  const r = loaded.data;
  if (!r) return <LinearProgress />;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '3fr 2fr' }, gap: 1.5 }} data-testid="payments-reports">
      <Revenue report={r} />
      <Memberships report={r} />
      <Box sx={{ gridColumn: '1 / -1' }}><Outstanding report={r} /></Box>
    </Box>
  );
}

const moneyOptions = (stacked: boolean, currency: string): ChartOptions<'bar'> => ({
  responsive: true, maintainAspectRatio: false, animation: false,
  scales: { x: { stacked }, y: { stacked, beginAtZero: true, title: { display: true, text: currency.toUpperCase() } } },
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
});

function Revenue({ report }: { report: PaymentsReport }) {
  const [look, setLook] = useState<Look>('chart');
  const rows = report.revenue;
  const months = [...new Set(rows.map((x) => x.month))].sort();
  const series = [...new Set(rows.map((x) => `${x.productName} (${x.currency.toUpperCase()})`))];
  const currency = rows[0]?.currency ?? 'eur';
  const data: ChartData<'bar', number[], string> = {
    labels: months,
    datasets: series.map((name, i) => ({
      label: name, backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length],
      data: months.map((m) => rows.filter((x) => x.month === m && `${x.productName} (${x.currency.toUpperCase()})` === name).reduce((a, x) => a + x.amountMinor, 0) / 100),
    })),
  };
  return (
    <Section title="Revenue by product and month" testId="report-revenue" actions={<><LookToggle value={look} onChange={setLook} testId="revenue-look" /><CsvButton table="revenue" /></>}>
      {rows.length === 0 ? <Typography variant="body2" color="text.secondary">No paid sales yet.</Typography> : look === 'chart' ? (
        <Box sx={{ height: 260, position: 'relative' }}><Chart type="bar" data={data} options={moneyOptions(true, currency)} aria-label="Revenue by product and month" role="img" data-testid="revenue-chart" /></Box>
      ) : (
        <Table size="small" data-testid="revenue-table">
          <TableHead><TableRow><TableCell>Month</TableCell><TableCell>Product</TableCell><TableCell align="right">Sales</TableCell><TableCell align="right">Revenue</TableCell></TableRow></TableHead>
          <TableBody>{rows.map((x) => (
            <TableRow key={`${x.month}-${x.productName}-${x.currency}`}><TableCell>{x.month}</TableCell><TableCell>{x.productName}</TableCell><TableCell align="right">{x.sales}</TableCell><TableCell align="right">{formatMoney(x.amountMinor, x.currency)}</TableCell></TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Section>
  );
}

function Memberships({ report: r }: { report: PaymentsReport }) {
  const [look, setLook] = useState<Look>('chart');
  const items: Array<[string, number]> = [['Active', r.activeMemberships], ['Frozen', r.frozen], ['Past due', r.pastDue], ['Cancelled this month', r.cancelledThisMonth]];
  const data: ChartData<'bar', number[], string> = { labels: items.map((x) => x[0]), datasets: [{ label: 'memberships', data: items.map((x) => x[1]), backgroundColor: ['#2e8b57', '#16a2b8', '#d68910', '#c0392b'] }] };
  const options: ChartOptions<'bar'> = { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } };
  return (
    <Section title="Memberships, churn and freezes" testId="report-memberships" actions={<LookToggle value={look} onChange={setLook} testId="memberships-look" />}>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="report-churn">
        Churn this month: {r.churnPct} % ({r.cancelledThisMonth} cancelled of {r.activeMemberships + r.cancelledThisMonth} active at some point this month)
      </Typography>
      {look === 'chart' ? (
        <Box sx={{ height: 220, position: 'relative' }}><Chart type="bar" data={data} options={options} aria-label="Memberships by status" role="img" data-testid="memberships-chart" /></Box>
      ) : (
        <Table size="small" data-testid="memberships-table">
          <TableBody>{items.map(([label, n]) => <TableRow key={label}><TableCell>{label}</TableCell><TableCell align="right">{n}</TableCell></TableRow>)}</TableBody>
        </Table>
      )}
    </Section>
  );
}

function Outstanding({ report }: { report: PaymentsReport }) {
  const [look, setLook] = useState<Look>('table');
  const rows = report.outstanding;
  const byMember = new Map<string, number>();
  for (const x of rows) byMember.set(`${x.memberName} (${x.currency.toUpperCase()})`, (byMember.get(`${x.memberName} (${x.currency.toUpperCase()})`) ?? 0) + x.amountMinor);
  const totals = new Map<string, number>();
  for (const x of rows) totals.set(x.currency, (totals.get(x.currency) ?? 0) + x.amountMinor);
  const data: ChartData<'bar', number[], string> = { labels: [...byMember.keys()], datasets: [{ label: 'outstanding', data: [...byMember.values()].map((v) => v / 100), backgroundColor: '#d68910' }] };
  return (
    <Section title="Outstanding balances" testId="report-outstanding" actions={<><LookToggle value={look} onChange={setLook} testId="outstanding-look" /><CsvButton table="outstanding" /></>}>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="outstanding-total">
        {rows.length === 0 ? 'Nothing outstanding.' : `${rows.length} unpaid sale${rows.length === 1 ? '' : 's'}: ${[...totals].map(([c, v]) => formatMoney(v, c)).join(' + ')}`}
      </Typography>
      {rows.length === 0 ? null : look === 'chart' ? (
        <Box sx={{ height: 220, position: 'relative' }}><Chart type="bar" data={data} options={{ ...moneyOptions(false, rows[0]!.currency), plugins: { legend: { display: false } } }} aria-label="Outstanding by member" role="img" /></Box>
      ) : (
        <Table size="small" data-testid="outstanding-table">
          <TableHead><TableRow><TableCell>Since</TableCell><TableCell>Member</TableCell><TableCell>Status</TableCell><TableCell align="right">Amount</TableCell></TableRow></TableHead>
          <TableBody>{rows.map((x) => (
            <TableRow key={x.saleId}><TableCell>{formatDateTime(x.createdAt)}</TableCell><TableCell>{x.memberName}</TableCell><TableCell>{x.status === 'queued' ? 'pending (not sent)' : 'awaiting payment'}</TableCell><TableCell align="right">{formatMoney(x.amountMinor, x.currency)}</TableCell></TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Section>
  );
}
