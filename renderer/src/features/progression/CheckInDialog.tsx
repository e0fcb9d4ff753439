/** Record how the member feels today (checkins/create): four 1–10 ratings, pain and illness. */
import { useState } from 'react';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Switch, TextField, Typography,
} from '@mui/material';
import type { CheckInView } from '../../../../main/contract/views';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { RatingSlider } from './RatingSlider';

interface Props { memberId: number; memberName: string; open: boolean; onClose(): void; onSaved(checkIn: CheckInView): void }

type Ratings = Record<'sleep' | 'fatigue' | 'soreness' | 'energy', number>;
const START: Ratings = { sleep: 7, fatigue: 4, soreness: 3, energy: 7 };

const SCALES: Array<{ key: keyof Ratings; label: string; ends: [string, string] }> = [
  { key: 'sleep', label: 'Sleep quality', ends: ['very poor', 'excellent'] },
  { key: 'energy', label: 'Energy', ends: ['exhausted', 'full of energy'] },
  { key: 'fatigue', label: 'Fatigue', ends: ['fresh', 'worn out'] },
  { key: 'soreness', label: 'Muscle soreness', ends: ['none', 'very sore'] },
];

export function CheckInDialog({ memberId, memberName, open, onClose, onSaved }: Props) {
  const { showError, showMessage } = useStudio();
  const [ratings, setRatings] = useState<Ratings>(START);
  const [pain, setPain] = useState(false);
  const [painNote, setPainNote] = useState('');
  const [illness, setIllness] = useState(false);
  const [busy, setBusy] = useState(false);
  const [badField, setBadField] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setBadField(null);
    try {
      const note = painNote.trim();
      const saved = await api.checkins.create({
        memberId, ...ratings, painReported: pain, illness, ...(pain && note ? { painNote: note } : {}),
      });
      showMessage(`Check-in recorded for ${memberName}`);
      setRatings(START);
      setPain(false);
      setPainNote('');
      setIllness(false);
      onSaved(saved);
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field.split('.').pop() ?? null);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="checkin-dialog">
      <DialogTitle>Check-in · {memberName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          How the member feels today. The next suggestions take it into account; pain or illness make the safety layer step in.
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3, rowGap: 1.5 }}>
          {SCALES.map((s) => (
            <RatingSlider
              key={s.key} label={s.label} ends={s.ends} value={ratings[s.key]} testId={`checkin-${s.key}`}
              onChange={(v) => setRatings((r) => ({ ...r, [s.key]: v }))}
            />
          ))}
        </Box>
        <Box sx={{ display: 'flex', gap: 3, mt: 2 }}>
          <FormControlLabel
            control={<Switch checked={pain} onChange={(e) => setPain(e.target.checked)} slotProps={{ input: { 'data-testid': 'checkin-pain' } as object }} />}
            label="Pain or injury"
          />
          <FormControlLabel
            control={<Switch checked={illness} onChange={(e) => setIllness(e.target.checked)} slotProps={{ input: { 'data-testid': 'checkin-illness' } as object }} />}
            label="Ill"
          />
        </Box>
        {pain ? (
          <TextField
            label="Where does it hurt?" value={painNote} onChange={(e) => setPainNote(e.target.value)} fullWidth multiline minRows={2}
            error={badField === 'painNote'} sx={{ mt: 1 }} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'checkin-pain-note' } }}
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={busy} data-testid="checkin-save">Record check-in</Button>
      </DialogActions>
    </Dialog>
  );
}
