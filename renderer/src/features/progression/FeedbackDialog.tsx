/** Accept, modify or skip a recommendation with the member's ratings (recommendations/feedback). */
import { useEffect, useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import type { RecommendationView } from '../../../../main/contract/views';
import type { FeedbackAction } from '../../../../engine/preferences/types';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { fromKg, round1, toKg } from '../../units';
import { RatingSlider } from './RatingSlider';

interface Props { rec: RecommendationView; action: FeedbackAction | null; onClose(): void; onSaved(rec: RecommendationView): void }

type Ratings = Record<'difficulty' | 'effectiveness' | 'perceivedExertion' | 'formQuality', number>;
type Modify = Record<'load' | 'sets' | 'repMin' | 'repMax' | 'restS', string>;

const SCALES: Array<{ key: keyof Ratings; label: string; ends: [string, string] }> = [
  { key: 'difficulty', label: 'Difficulty', ends: ['very easy', 'very hard'] },
  { key: 'effectiveness', label: 'Effectiveness', ends: ['useless', 'very useful'] },
  { key: 'perceivedExertion', label: 'Perceived exertion (RPE)', ends: ['no effort', 'maximal'] },
  { key: 'formQuality', label: 'Form quality', ends: ['poor', 'perfect'] },
];
const TITLES: Record<FeedbackAction, string> = { accepted: 'Accept', modified: 'Modify', skipped: 'Skip' };

export function FeedbackDialog({ rec, action, onClose, onSaved }: Props) {
  const { unit, showError, showMessage } = useStudio();
  const s = rec.suggested;
  const [ratings, setRatings] = useState<Ratings>({ difficulty: 5, effectiveness: 6, perceivedExertion: 7, formQuality: 8 });
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [modify, setModify] = useState<Modify | null>(null);
  const [busy, setBusy] = useState(false);
  const [badField, setBadField] = useState<string | null>(null);

  useEffect(() => {
    if (action !== 'modified') return setModify(null);
    setModify({ load: s.loadKg === null ? '' : String(round1(fromKg(s.loadKg, unit))), sets: String(s.sets), repMin: String(s.repMin), repMax: String(s.repMax), restS: String(s.restS) });
  }, [action, s, unit]);

  const modifiedTo = () => {
    if (!modify) return undefined;
    const load = modify.load.trim();
    const loadText = s.loadKg === null ? '' : String(round1(fromKg(s.loadKg, unit)));
    // Only what the member changed: an untouched load keeps its exact kg (no display-unit rounding).
    const changed: { loadKg?: number | null; sets?: number; repMin?: number; repMax?: number; restS?: number } = {};
    if (load !== loadText) changed.loadKg = load === '' ? null : Math.round(toKg(Number(load), unit) * 100) / 100;
    for (const key of ['sets', 'repMin', 'repMax', 'restS'] as const) {
      if (Number(modify[key]) !== s[key]) changed[key] = Number(modify[key]);
    }
    return changed;
  };

  const save = async () => {
    if (!action) return;
    setBusy(true);
    setBadField(null);
    try {
      const note = notes.trim();
      const saved = await api.recommendations.feedback({
        recommendationId: rec.id, action, ...ratings,
        ...(minutes.trim() ? { completionTimeS: Math.round(Number(minutes) * 60) } : {}),
        ...(note ? { notes: note } : {}),
        ...(action === 'modified' ? { modifiedTo: modifiedTo() } : {}),
      });
      showMessage(`${rec.exerciseName}: ${action}`);
      onSaved(saved);
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field.split('.').pop() ?? null);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof Modify, label: string, width: number) => (
    <TextField
      label={label} type="number" value={modify?.[key] ?? ''} sx={{ width }} error={badField === key || (key === 'load' && badField === 'loadKg')}
      onChange={(e) => setModify((m) => (m ? { ...m, [key]: e.target.value } : m))}
      slotProps={{ htmlInput: { 'data-testid': `modify-${key}`, step: key === 'load' ? 0.5 : 1 } }}
    />
  );

  return (
    <Dialog open={action !== null} onClose={onClose} maxWidth="sm" fullWidth data-testid="feedback-dialog">
      <DialogTitle>{action ? TITLES[action] : ''} · {rec.exerciseName}</DialogTitle>
      <DialogContent>
        {modify ? (
          <Box sx={{ mb: 2 }}>
            <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>What the member does instead</Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', pt: 0.5 }}>
              {field('load', `Load (${unit})`, 100)}
              {field('sets', 'Sets', 70)}
              {field('repMin', 'Min reps', 86)}
              {field('repMax', 'Max reps', 86)}
              {field('restS', 'Rest (s)', 86)}
            </Box>
            <Typography variant="caption" color="text.secondary">Leave load empty for body-weight work.</Typography>
          </Box>
        ) : null}
        <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>How it went</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3, rowGap: 1.5 }}>
          {SCALES.map((r) => (
            <RatingSlider key={r.key} label={r.label} ends={r.ends} value={ratings[r.key]} testId={`rating-${r.key}`}
              onChange={(v) => setRatings((x) => ({ ...x, [r.key]: v }))} />
          ))}
        </Box>
        <Box sx={{ display: 'flex', gap: 1.5, mt: 2 }}>
          <TextField label="Completion time (min)" type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} sx={{ width: 170 }}
            error={badField === 'completionTimeS'} slotProps={{ htmlInput: { min: 0, step: 1, 'data-testid': 'feedback-minutes' } }} />
          <TextField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} fullWidth
            error={badField === 'notes'} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'feedback-notes' } }} />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={busy} data-testid="feedback-save">
          {action ? TITLES[action] : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
