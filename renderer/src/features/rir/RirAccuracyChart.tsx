/** The model's mean absolute error per week (bars) and the sets it was measured on (line). */
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box } from '@mui/material';
import type { RirMemberView } from '../../../../main/contract/views';
import { round1 } from '../../units';
import '../../components/charts';

const WEEKS_SHOWN = 26;

export function RirAccuracyChart({ byWeek }: { byWeek: RirMemberView['accuracy']['byWeek'] }) {
  const shown = byWeek.slice(-WEEKS_SHOWN);
  const data: ChartData<'bar' | 'line', number[], string> = {
    labels: shown.map((w) => w.weekStart.slice(0, 10)),
    datasets: [
      {
        type: 'line', label: 'sets with RIR', data: shown.map((w) => w.sets), yAxisID: 'sets',
        borderColor: '#90a4ae', backgroundColor: '#90a4ae', borderWidth: 1.25, pointRadius: 0, borderDash: [4, 3],
      },
      { type: 'bar', label: 'mean abs. error (reps)', data: shown.map((w) => round1(w.maeReps)), yAxisID: 'mae', backgroundColor: 'rgba(46, 139, 87, 0.8)' },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { ticks: { maxTicksLimit: 6, maxRotation: 0 } },
      mae: { type: 'linear', position: 'left', beginAtZero: true, suggestedMax: 2, title: { display: true, text: 'MAE (reps)' } },
      sets: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'sets' } },
    },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
  };
  return (
    <Box sx={{ height: 236, position: 'relative' }}>
      <Chart type="bar" data={data} options={options} data-testid="rir-accuracy-chart" aria-label="RIR model error per week" role="img" />
    </Box>
  );
}
