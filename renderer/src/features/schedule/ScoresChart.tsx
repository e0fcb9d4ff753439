/** Per-objective scores of one or more scenarios as horizontal bars (higher is better). */
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box } from '@mui/material';
import { SERIES_COLORS } from '../../components/charts';
import '../../components/charts';

export interface ScoreSeries { label: string; values: number[] }

export function ScoresChart({ labels, series, testId }: { labels: string[]; series: ScoreSeries[]; testId: string }) {
  const data: ChartData<'bar', number[], string> = {
    labels,
    datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length] })),
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { title: { display: true, text: 'score (higher is better)' } } },
    plugins: { legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
  };
  return (
    <Box sx={{ height: 60 + labels.length * 22 * Math.max(1, series.length), position: 'relative' }}>
      <Chart type="bar" data={data} options={options} data-testid={testId} aria-label="Objective scores" role="img" />
    </Box>
  );
}
