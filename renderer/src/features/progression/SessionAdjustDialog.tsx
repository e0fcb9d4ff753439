/** During a session (session/adjust): fatigue and form now → a lighter load, an easier exercise. */
import { useState } from 'react';
import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Typography,
} from '@mui/material';
import type { PrescriptionView, SessionAdjustView } from '../../../../main/contract/views';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { RatingSlider } from './RatingSlider';
import { SessionAdjustResult } from './SessionAdjustResult';

interface Props { prescription: PrescriptionView; open: boolean; onClose(): void }

/** A rating that may be left out: `null` is "not rated". */
function OptionalRating({ label, ends, value, onChange, testId }: {
  label: string; ends: [string, string]; value: number | null; onChange(v: number | null): void; testId: string;
}) {
  const [last, setLast] = useState(value ?? 5);
  return (
    <Box>
      <FormControlLabel
        label={`Rate ${label.toLowerCase()}`}
        control={(
          <Checkbox
            checked={value !== null} onChange={(e) => onChange(e.target.checked ? last : null)}
            slotProps={{ input: { 'data-testid': `${testId}-rated` } as object }}
          />
        )}
      />
      <Box sx={{ opacity: value === null ? 0.45 : 1, pointerEvents: value === null ? 'none' : 'auto' }} aria-disabled={value === null}>
        <RatingSlider
          label={value === null ? `${label} (not rated)` : label} ends={ends} value={value ?? last} testId={testId}
          onChange={(v) => { setLast(v); onChange(v); }}
        />
      </Box>
    </Box>
  );
}

export function SessionAdjustDialog({ prescription: p, open, onClose }: Props) {
  const { showError } = useStudio();
  const [fatigue, setFatigue] = useState<number | null>(null);
  const [form, setForm] = useState<number | null>(null);
  const [result, setResult] = useState<SessionAdjustView | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      setResult(await api.session.adjust({
        prescriptionId: p.id, ...(fatigue !== null ? { fatigue } : {}), ...(form !== null ? { formRating: form } : {}),
      }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="session-adjust-dialog">
      <DialogTitle>During session · {p.exerciseName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          How the member is doing right now. High fatigue lightens the load for the remaining sets; poor form suggests an
          easier exercise of the same movement. The plan itself is not changed.
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3, rowGap: 1 }}>
          <OptionalRating label="Fatigue" ends={['fresh', 'worn out']} value={fatigue} onChange={(v) => { setFatigue(v); setResult(null); }} testId="session-fatigue" />
          <OptionalRating label="Form quality" ends={['poor', 'perfect']} value={form} onChange={(v) => { setForm(v); setResult(null); }} testId="session-form" />
        </Box>
        {result ? <SessionAdjustResult result={result} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" onClick={check} disabled={busy || (fatigue === null && form === null)} data-testid="session-adjust-check">
          Check
        </Button>
      </DialogActions>
    </Dialog>
  );
}
