/** Estimated 1RM per session for the member's main lifts, one line per lift, over time. */
import { Line } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box, Typography } from '@mui/material';
import type { E1rmSeries } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { fromKg, round1 } from '../../units';
import { SERIES_COLORS, dayLabel } from '../../components/charts';

interface Props { series: E1rmSeries[]; unit: WeightUnit }

export function E1rmChart({ series, unit }: Props) {
  if (series.length === 0 || series.every((s) => s.points.length === 0)) {
    return <Typography color="text.secondary" sx={{ py: 6, textAlign: 'center' }} data-testid="e1rm-empty">No logged lifts yet.</Typography>;
  }
  const data: ChartData<'line', Array<{ x: number; y: number }>> = {
    datasets: series.map((s, i) => ({
      label: `${s.exerciseName} (${s.sets} sets)`,
      data: s.points.map((p) => ({ x: Date.parse(p.date), y: round1(fromKg(p.e1rmKg, unit)) })),
      borderColor: SERIES_COLORS[i % SERIES_COLORS.length],
      backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length],
      borderWidth: 1.5,
      pointRadius: 1.5,
      tension: 0.2,
    })),
  };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    interaction: { mode: 'nearest', intersect: false },
    scales: {
      x: {
        type: 'linear',
        ticks: {
          maxTicksLimit: 8,
          // Months for long histories, days for short ones (no date adapter: the axis is plain ms).
          callback(v) {
            const long = this.max - this.min > 200 * 86_400_000;
            return long ? dayLabel(Number(v)).slice(0, 7) : dayLabel(Number(v)).slice(5);
          },
        },
      },
      y: { title: { display: true, text: `e1RM (${unit})` } },
    },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? dayLabel(items[0].parsed.x ?? 0) : ''),
          label: (item) => `${item.dataset.label?.replace(/ \(.*$/, '')}: ${item.parsed.y} ${unit}`,
        },
      },
    },
  };
  return (
    <Box sx={{ height: 280, position: 'relative' }}>
      <Line data={data} options={options} data-testid="e1rm-chart" aria-label="e1RM over time" role="img" />
    </Box>
  );
}
