/** Predicted RIR (with its 80 % band) against what the member reported, for recent sets in time order. */
import { Line } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box } from '@mui/material';
import type { RirPredictionView } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { formatDateTime } from '../../format';
import { formatLoad, round1 } from '../../units';
import '../../components/charts';

const BLUE = '#1f5f8b';
const RED = '#c0392b';

interface Props { recent: RirPredictionView[]; unit: WeightUnit }

export function RirRecentChart({ recent, unit }: Props) {
  const sets = [...recent].sort((a, b) => a.performedAt.localeCompare(b.performedAt));
  const point = (v: number | null) => (v === null ? null : round1(v));
  const failed = (s: RirPredictionView) => s.reportedRir === null && s.observedRir !== null;
  const data: ChartData<'line', Array<number | null>, string> = {
    labels: sets.map((_, i) => String(i + 1)),
    datasets: [
      { label: '80 % low', data: sets.map((s) => point(s.low80)), borderWidth: 0, pointRadius: 0, fill: false },
      {
        label: '80 % interval', data: sets.map((s) => point(s.high80)), borderWidth: 0, pointRadius: 0,
        backgroundColor: 'rgba(31, 95, 139, 0.16)', fill: '-1',
      },
      { label: 'predicted', data: sets.map((s) => point(s.predictedRir)), borderColor: BLUE, backgroundColor: BLUE, borderWidth: 1.5, pointRadius: 1.5, tension: 0.15 },
      {
        label: 'reported', data: sets.map((s) => (failed(s) ? null : point(s.reportedRir))), showLine: false,
        borderColor: RED, backgroundColor: RED, pointRadius: 3.5, pointHoverRadius: 5,
      },
      ...(sets.some(failed) ? [{
        label: 'taken to failure', data: sets.map((s) => (failed(s) ? 0 : null)), showLine: false, pointStyle: 'triangle' as const,
        borderColor: '#d68910', backgroundColor: '#d68910', pointRadius: 4.5,
      }] : []),
    ],
  };
  // Keep the axis on the RIR scale trainers use, even when a prediction runs far outside it.
  const values = sets.flatMap((s) => [s.low80, s.high80, s.reportedRir ?? s.observedRir ?? 0]);
  const yMin = Math.max(-3, Math.min(0, Math.floor(Math.min(...values))));
  const yMax = Math.min(10, Math.max(5, Math.ceil(Math.max(...values))));
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    spanGaps: true,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { title: { display: true, text: 'recent sets, oldest → newest' }, ticks: { maxTicksLimit: 10, maxRotation: 0 } },
      y: { title: { display: true, text: 'RIR (reps)' }, min: yMin, max: yMax, ticks: { stepSize: 1 } },
    },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 }, filter: (item) => item.text !== '80 % low' } },
      tooltip: {
        filter: (item) => item.dataset.label !== '80 % low' && item.parsed.y !== null,
        callbacks: {
          title: (items) => {
            const s = sets[items[0]?.dataIndex ?? -1];
            return s ? [`${s.exerciseName}: ${formatLoad(s.loadKg, unit)} × ${s.reps}`, formatDateTime(s.performedAt)] : '';
          },
          label: (item) => {
            const s = sets[item.dataIndex]!;
            if (item.dataset.label === '80 % interval') return `80 % interval: ${round1(s.low80)}–${round1(s.high80)}`;
            return `${item.dataset.label}: ${item.parsed.y}`;
          },
        },
      },
    },
  };
  return (
    <Box sx={{ height: 280, position: 'relative' }}>
      <Line data={data} options={options} data-testid="rir-recent-chart" aria-label="Predicted vs reported RIR" role="img" />
    </Box>
  );
}
