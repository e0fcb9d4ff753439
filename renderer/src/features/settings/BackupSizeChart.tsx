/** The size of each backup over time (oldest left), coloured by kind: a sudden drop is worth a look. */
import { Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { Box } from '@mui/material';
import type { BackupView } from '../../../../main/contract/index';
import { formatDateTime } from '../../format';
import '../../components/charts';

const KIND_COLORS: Record<BackupView['kind'], string> = { daily: 'rgba(31, 95, 139, 0.75)', manual: '#2e8b57', 'before-restore': '#d68910' };

export function BackupSizeChart({ backups }: { backups: readonly BackupView[] }) {
  const shown = [...backups].sort((a, b) => a.at.localeCompare(b.at)).slice(-60);
  const data: ChartData<'bar', number[], string> = {
    labels: shown.map((b) => formatDateTime(b.at)),
    datasets: [{
      label: 'size (KB)', data: shown.map((b) => Math.round(b.bytes / 1024)), maxBarThickness: 28,
      backgroundColor: shown.map((b) => KIND_COLORS[b.kind]),
    }],
  };
  const options: ChartOptions<'bar'> = {
    responsive: true, maintainAspectRatio: false, animation: false,
    scales: { x: { ticks: { maxTicksLimit: 6, maxRotation: 0 } }, y: { beginAtZero: true, title: { display: true, text: 'KB' } } },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { afterLabel: (item) => shown[item.dataIndex]?.kind ?? '' } },
    },
  };
  return (
    <Box sx={{ height: 160, position: 'relative' }}>
      <Chart type="bar" data={data} options={options} data-testid="backup-size-chart" aria-label="Backup size over time" role="img" />
    </Box>
  );
}
