import { Box, Paper, Typography } from '@mui/material';

export interface StatItem { label: string; value: number | string; testId: string; tone?: 'error' | 'warning' }

export function ReportStats({ items }: { items: StatItem[] }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 1 }}>
      {items.map((s) => (
        <Paper key={s.testId} sx={{ p: 1, textAlign: 'center' }}>
          <Typography
            variant="h6"
            data-testid={s.testId}
            color={s.tone && s.value !== 0 ? `${s.tone}.main` : 'text.primary'}
          >
            {typeof s.value === 'number' ? s.value.toLocaleString('en-US') : s.value}
          </Typography>
          <Typography variant="caption" color="text.secondary">{s.label}</Typography>
        </Paper>
      ))}
    </Box>
  );
}
