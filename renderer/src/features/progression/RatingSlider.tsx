/** A 1–10 rating with its name, its current value and what the ends mean. */
import { Box, Slider, Typography } from '@mui/material';

interface Props {
  label: string;
  value: number;
  onChange(value: number): void;
  /** What 1 and 10 mean, e.g. ['poor', 'great']. */
  ends: [string, string];
  testId: string;
}

export function RatingSlider({ label, value, onChange, ends, testId }: Props) {
  const id = `${testId}-label`;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography variant="body2" id={id} sx={{ fontWeight: 600, flexGrow: 1 }}>{label}</Typography>
        <Typography variant="body2" data-testid={`${testId}-value`}>{value} / 10</Typography>
      </Box>
      <Slider
        value={value} min={1} max={10} step={1} marks size="small" valueLabelDisplay="auto"
        onChange={(_, v) => onChange(v as number)} aria-labelledby={id} data-testid={testId}
        sx={{ mt: -0.5, mb: -0.75 }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography variant="caption" color="text.secondary">1 · {ends[0]}</Typography>
        <Typography variant="caption" color="text.secondary">10 · {ends[1]}</Typography>
      </Box>
    </Box>
  );
}
