/**
 * "Add exercise" and "Swap" in plan editing: the top 5 of `recommend/exercises`, each with its
 * total (0–100), a small bar per score component and the reason, and a button to choose it.
 */
import { useEffect, useState } from 'react';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Paper, Tooltip, Typography,
} from '@mui/material';
import type { ExerciseSuggestionsView } from '../../../../main/contract/recommend-views';
import type { InputOf } from '../../../../main/contract/index';
import type { ScoredExercise } from '../../../../engine/recommend/types';
import { api } from '../../api';
import { useStudio } from '../../studio-context';

type Context = InputOf<'recommend/exercises'>['context'];

const COMPONENTS: ReadonlyArray<{ key: keyof ScoredExercise['components']; label: string; max: number }> = [
  { key: 'balance', label: 'Balance', max: 30 },
  { key: 'recovery', label: 'Recovery', max: 20 },
  { key: 'preference', label: 'Preference', max: 20 },
  { key: 'goal', label: 'Goal', max: 15 },
  { key: 'experience', label: 'Experience', max: 10 },
  { key: 'novelty', label: 'Novelty', max: 5 },
];

interface Props {
  title: string;
  memberId: number;
  context: Context;
  open: boolean;
  onClose(): void;
  onChoose(exerciseId: string): Promise<void>;
}

function ComponentBars({ s }: { s: ScoredExercise }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', columnGap: 1.5, rowGap: 0.25, mt: 0.5 }}>
      {COMPONENTS.map((c) => (
        <Tooltip key={c.key} title={`${c.label}: ${s.components[c.key]} of ${c.max}`}>
          <Box data-testid={`component-${c.key}`} data-value={s.components[c.key]}>
            <Typography variant="caption" color="text.secondary">{c.label} {s.components[c.key]}/{c.max}</Typography>
            <LinearProgress variant="determinate" value={(100 * s.components[c.key]) / c.max} sx={{ height: 5, borderRadius: 1 }} />
          </Box>
        </Tooltip>
      ))}
    </Box>
  );
}

export function SuggestionsDialog({ title, memberId, context, open, onClose, onChoose }: Props) {
  const { showError } = useStudio();
  const [view, setView] = useState<ExerciseSuggestionsView | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setView(null);
    api.recommend.exercises({ memberId, context, topN: 5 }).then((v) => { if (live) setView(v); }, (err: unknown) => { showError(err); onClose(); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, memberId, JSON.stringify(context)]);

  const choose = async (id: string) => {
    setBusy(true);
    try { await onChoose(id); onClose(); } catch (err) { showError(err); } finally { setBusy(false); }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="suggestions-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {view === null ? <LinearProgress data-testid="suggestions-loading" /> : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Typography variant="caption" color="text.secondary" data-testid="suggestions-cf">{view.cf.reason}</Typography>
            <Typography variant="caption" color="text.secondary" data-testid="suggestions-targets">{view.targets.reason}</Typography>
            {view.suggestions.length === 0 ? <Alert severity="info">No exercise fits.</Alert> : null}
            {view.suggestions.map((s, i) => (
              <Paper key={s.exerciseId} variant="outlined" sx={{ p: 1 }} data-testid="suggestion" data-exercise-id={s.exerciseId}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600, flex: 1 }}>{i + 1}. {s.exerciseName}</Typography>
                  <Typography variant="body2" data-testid="suggestion-total">{s.total.toFixed(1)}</Typography>
                  <Button size="small" variant="contained" disabled={busy} onClick={() => { void choose(s.exerciseId); }} data-testid="suggestion-choose">Choose</Button>
                </Box>
                <Typography variant="caption" component="div" data-testid="suggestion-reason">{s.reason}</Typography>
                <ComponentBars s={s} />
                {s.cf !== null ? <Typography variant="caption" color="text.secondary">Members who train alike: {s.cf.score}/100 (weight {s.cf.weight})</Typography> : null}
              </Paper>
            ))}
          </Box>
        )}
      </DialogContent>
      <DialogActions><Button onClick={onClose} data-testid="suggestions-close">Close</Button></DialogActions>
    </Dialog>
  );
}
