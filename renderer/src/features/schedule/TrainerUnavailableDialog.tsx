/** A trainer cannot teach on some days of the published week: re-plan only their classes into a new draft. */
import { useRef, useState } from 'react';
import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, MenuItem, TextField, Typography,
} from '@mui/material';
import type { AbsenceView, ScenarioView } from '../../../../main/contract/index';
import { studioErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { AbsenceResult } from './AbsenceResult';
import { callWithProgress } from '../../api';
import { ProgressBox, type Progress } from './ProgressBox';
import { addDays, dayLabel } from './time';

interface Props { published: ScenarioView; trainers: Array<{ id: string; name: string }>; onClose(): void; onOpenDraft(id: number): void; onDone(): void }

export function TrainerUnavailableDialog({ published, trainers, onClose, onOpenDraft, onDone }: Props) {
  const { showError, showMessage } = useStudio();
  const [trainerId, setTrainerId] = useState('');
  const [dates, setDates] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<AbsenceView | null>(null);
  const abort = useRef<AbortController | null>(null);
  const week = Array.from({ length: 7 }, (_, d) => addDays(published.weekStart, d));
  const classesOn = (date: string) => published.classes.filter((c) => c.trainerId === trainerId && c.date === date).length;

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ fraction: 0, message: 'Finding the affected classes…' });
    try {
      setResult(await callWithProgress('schedule/trainer-unavailable', { weekStart: published.weekStart, trainerId, dates }, setProgress, controller.signal));
      onDone();
    } catch (err) {
      if (studioErrorOf(err)?.reason === 'cancelled') showMessage('Cancelled; nothing was stored');
      else showError(err);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const toggle = (date: string) => setDates((ds) => (ds.includes(date) ? ds.filter((d) => d !== date) : [...ds, date].sort()));
  return (
    <Dialog open onClose={() => !progress && onClose()} maxWidth="md" fullWidth data-testid="unavailable-dialog">
      <DialogTitle>Trainer unavailable</DialogTitle>
      <DialogContent dividers>
        {progress ? <ProgressBox progress={progress} testId="unavailable-progress" /> : result ? <AbsenceResult result={result} /> : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <TextField select size="small" label="Trainer" value={trainerId} onChange={(e) => setTrainerId(e.target.value)} data-testid="unavailable-trainer">
              {trainers.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
            </TextField>
            <Typography variant="body2">Days they cannot teach (classes they have in the published week):</Typography>
            <FormGroup row>
              {week.map((date) => (
                <FormControlLabel key={date} label={`${dayLabel(date)}${trainerId ? ` (${classesOn(date)})` : ''}`}
                  control={<Checkbox size="small" checked={dates.includes(date)} onChange={() => toggle(date)}
                    slotProps={{ input: { ...({ 'data-testid': `unavailable-date-${date}` } as object) } }} />} />
              ))}
            </FormGroup>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {progress ? <Button onClick={() => abort.current?.abort()} data-testid="unavailable-cancel">Cancel</Button> : (
          <>
            <Button onClick={onClose} data-testid="unavailable-close">{result ? 'Close' : 'Cancel'}</Button>
            {result?.draft ? (
              <Button variant="contained" onClick={() => onOpenDraft(result.draft!.id)} data-testid="open-absence-draft">Open the new draft</Button>
            ) : result ? null : (
              <Button variant="contained" disabled={!trainerId || dates.length === 0} onClick={run} data-testid="unavailable-run">Re-plan</Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
