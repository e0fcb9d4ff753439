/** Optimize a week into a new draft: name, solver, limits and weights; progress while it runs, Cancel stops it. */
import { useEffect, useRef, useState } from 'react';
import {
  Alert, AlertTitle, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField,
} from '@mui/material';
import type { ScenarioView } from '../../../../main/contract/index';
import type { ObjectiveWeights } from '../../../../engine/scheduler/types';
import { studioErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { callWithProgress } from '../../api';
import { ProgressBox, type Progress } from './ProgressBox';
import { WeightSliders } from './WeightSliders';
import { dayLabel } from './time';

interface Props { open: boolean; week: string; defaultWeights: ObjectiveWeights; suggestedName: string; onClose(): void; onOptimized(s: ScenarioView): void }
type Backend = 'auto' | 'highs' | 'jslp';

export function OptimizeDialog({ open, week, defaultWeights, suggestedName, onClose, onOptimized }: Props) {
  const { showError, showMessage } = useStudio();
  const [name, setName] = useState(suggestedName);
  const [backend, setBackend] = useState<Backend>('auto');
  const [timeLimitS, setTimeLimitS] = useState(20);
  const [gapPct, setGapPct] = useState(1);
  const [weights, setWeights] = useState(defaultWeights);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [explanation, setExplanation] = useState<{ status: string; lines: string[] } | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open) return;
    setName(suggestedName);
    setWeights(defaultWeights);
    setExplanation(null);
  }, [open, suggestedName, defaultWeights]);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setExplanation(null);
    setProgress({ fraction: 0, message: 'Preparing the week…' });
    try {
      const result = await callWithProgress('schedule/optimize', {
        weekStart: week, name: name.trim() || undefined, backend, timeLimitS, gapPct, weights,
      }, setProgress, controller.signal);
      if (result.scenario) {
        onOptimized(result.scenario);
        if (result.explanation.length === 0) onClose();
        else setExplanation({ status: result.status, lines: result.explanation });
      } else {
        setExplanation({ status: result.status, lines: result.explanation.length ? result.explanation : ['No timetable was found within the time limit.'] });
      }
    } catch (err) {
      if (studioErrorOf(err)?.reason === 'cancelled') showMessage('Optimization cancelled; nothing was stored');
      else showError(err);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const running = progress !== null;
  return (
    <Dialog open={open} onClose={() => !running && onClose()} maxWidth="sm" fullWidth data-testid="optimize-dialog">
      <DialogTitle>Optimize the week of {dayLabel(week)}</DialogTitle>
      <DialogContent dividers>
        {running ? <ProgressBox progress={progress} testId="optimize-progress" /> : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            {explanation ? (
              <Alert severity="warning" data-testid="optimize-explanation">
                <AlertTitle>{explanation.status === 'infeasible' ? 'This week cannot be scheduled' : `Solver status: ${explanation.status}`}</AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2 }}>{explanation.lines.map((l) => <li key={l}>{l}</li>)}</Box>
              </Alert>
            ) : null}
            <TextField size="small" label="Scenario name" value={name} onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'optimize-name', maxLength: 80 } }} />
            <Box sx={{ display: 'flex', gap: 1.5 }}>
              <TextField select size="small" label="Solver" value={backend} onChange={(e) => setBackend(e.target.value as Backend)} sx={{ flex: 2 }}
                data-testid="optimize-backend">
                <MenuItem value="auto">Automatic</MenuItem>
                <MenuItem value="highs">HiGHS</MenuItem>
                <MenuItem value="jslp">javascript-lp-solver</MenuItem>
              </TextField>
              <TextField size="small" type="number" label="Time limit (s)" value={timeLimitS} onChange={(e) => setTimeLimitS(Number(e.target.value))}
                sx={{ flex: 1 }} slotProps={{ htmlInput: { min: 1, max: 600, 'data-testid': 'optimize-time-limit' } }} />
              <TextField size="small" type="number" label="Gap (%)" value={gapPct} onChange={(e) => setGapPct(Number(e.target.value))}
                sx={{ flex: 1 }} slotProps={{ htmlInput: { min: 0, max: 50, step: 0.5, 'data-testid': 'optimize-gap' } }} />
            </Box>
            <WeightSliders weights={weights} onChange={setWeights} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={() => abort.current?.abort()}
            data-testid="optimize-cancel">Cancel</Button>
        ) : (
          <>
            <Button onClick={onClose} data-testid="optimize-close">{explanation ? 'Close' : 'Cancel'}</Button>
            <Button variant="contained" onClick={run} data-testid="optimize-run">Optimize</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
