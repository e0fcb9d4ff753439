/** Hard sets (bars) and tonnage (line) per week, the last year at most. */
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box, Typography } from '@mui/material';
import type { WeeklyVolume } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { fromKg } from '../../units';
import '../../components/charts';

const WEEKS_SHOWN = 52;

export function VolumeChart({ weeks, unit }: { weeks: WeeklyVolume[]; unit: WeightUnit }) {
  if (weeks.length === 0) {
    return <Typography color="text.secondary" sx={{ py: 6, textAlign: 'center' }}>No logged weeks yet.</Typography>;
  }
  const shown = weeks.slice(-WEEKS_SHOWN);
  const data: ChartData<'bar' | 'line', number[], string> = {
    labels: shown.map((w) => w.weekStart.slice(0, 10)),
    datasets: [
      {
        type: 'line',
        label: `tonnage (${unit})`,
        data: shown.map((w) => Math.round(fromKg(w.tonnageKg, unit))),
        borderColor: '#d68910',
        backgroundColor: '#d68910',
        borderWidth: 1.5,
        pointRadius: 0,
        yAxisID: 'tonnage',
      },
      { type: 'bar', label: 'hard sets', data: shown.map((w) => w.sets), backgroundColor: 'rgba(31, 95, 139, 0.75)', yAxisID: 'sets' },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { ticks: { maxTicksLimit: 8, maxRotation: 0 } },
      sets: { type: 'linear', position: 'left', title: { display: true, text: 'hard sets' }, beginAtZero: true },
      tonnage: { type: 'linear', position: 'right', title: { display: true, text: `tonnage (${unit})` }, beginAtZero: true, grid: { drawOnChartArea: false } },
    },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
  };
  return (
    <Box>
      <Box sx={{ height: 262, position: 'relative' }}>
        <Chart type="bar" data={data} options={options} data-testid="volume-chart" aria-label="Weekly volume" role="img" />
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ textAlign: 'right', height: 18 }}>
        {weeks.length > WEEKS_SHOWN ? `Last ${WEEKS_SHOWN} of ${weeks.length} weeks` : `${weeks.length} weeks`}
      </Typography>
    </Box>
  );
}
