/**
 * The member's learnt acceptance rate and preference dimensions after each answer. Both are the
 * profile's moving averages (learning rate 0.05), so they move slowly from the neutral start.
 */
import { Line } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box } from '@mui/material';
import type { PreferenceInsightsView } from '../../../../main/contract/views';
import { PREFERENCE_DIMENSIONS } from '../../../../engine/preferences/types';
import { formatDateTime, humanize } from '../../format';
import { SERIES_COLORS } from '../../components/charts';

type History = PreferenceInsightsView['history'];

const label = (d: string) => humanize(d.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());

function options(history: History, percent: boolean, legend: boolean): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { ticks: { maxTicksLimit: 8, maxRotation: 0 }, title: { display: true, text: 'answer' } },
      y: {
        min: 0, max: percent ? 100 : 1,
        ticks: percent ? { callback: (v) => `${v} %` } : { stepSize: 0.25, callback: (v) => Number(v).toFixed(2) },
      },
    },
    plugins: {
      legend: { display: legend, position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
      tooltip: { callbacks: { title: (items) => `answer ${items[0]!.dataIndex + 1} · ${formatDateTime(history[items[0]!.dataIndex]?.at)}` } },
    },
  };
}

export function AcceptanceChart({ history }: { history: History }) {
  const data: ChartData<'line', number[], string> = {
    labels: history.map((_, i) => String(i + 1)),
    datasets: [{
      label: 'learnt acceptance rate', data: history.map((h) => Math.round(h.acceptanceRate * 1000) / 10),
      borderColor: SERIES_COLORS[2], backgroundColor: 'rgba(46, 139, 87, 0.15)', fill: true, pointRadius: 3, borderWidth: 2, tension: 0.2,
    }],
  };
  return (
    <Box sx={{ height: 200, position: 'relative' }}>
      <Line data={data} options={options(history, true, false)} aria-label="Acceptance rate over time" role="img" />
    </Box>
  );
}

export function DimensionsChart({ history }: { history: History }) {
  const data: ChartData<'line', number[], string> = {
    labels: history.map((_, i) => String(i + 1)),
    datasets: PREFERENCE_DIMENSIONS.map((d, i) => ({
      label: label(d), data: history.map((h) => h.dimensions[d] ?? 0.5),
      borderColor: SERIES_COLORS[i % SERIES_COLORS.length], backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length],
      pointRadius: 2.5, borderWidth: 1.75, tension: 0.2,
    })),
  };
  return (
    <Box sx={{ height: 236, position: 'relative' }}>
      <Line data={data} options={options(history, false, true)} aria-label="Preference dimensions over time" role="img" />
    </Box>
  );
}
