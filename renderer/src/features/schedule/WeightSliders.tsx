/** The five objective weights: a slider each with a number field beside it for exact values. */
import { Box, Slider, TextField, Typography } from '@mui/material';
import type { ObjectiveWeights } from '../../../../engine/scheduler/types';
import { WEIGHT_KEYS, WEIGHT_LABELS } from './SetupSettings';

export function WeightSliders({ weights, onChange }: { weights: ObjectiveWeights; onChange(w: ObjectiveWeights): void }) {
  const set = (k: keyof ObjectiveWeights, v: number) => onChange({ ...weights, [k]: Math.max(0, Math.min(10, v)) });
  return (
    <Box data-testid="weight-sliders">
      {WEIGHT_KEYS.map((k) => (
        <Box key={k} sx={{ display: 'grid', gridTemplateColumns: '180px 1fr 90px', alignItems: 'center', gap: 2 }}>
          <Typography variant="body2">{WEIGHT_LABELS[k]}</Typography>
          <Slider size="small" min={0} max={1} step={0.05} value={Math.min(1, weights[k])} onChange={(_, v) => set(k, v as number)}
            data-testid={`weight-${k}`} aria-label={WEIGHT_LABELS[k]} />
          <TextField size="small" type="number" value={weights[k]} onChange={(e) => set(k, Number(e.target.value) || 0)}
            slotProps={{ htmlInput: { step: 0.05, min: 0, max: 10, 'data-testid': `weight-${k}-input`, 'aria-label': `${WEIGHT_LABELS[k]} weight` } }} />
        </Box>
      ))}
      <Typography variant="caption" color="text.secondary">Relative importance of each goal; only the ratios matter.</Typography>
    </Box>
  );
}
