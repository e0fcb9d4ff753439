/** One exercise of a planned session; an editable row while the plan is a draft, "During session" once approved. */
import { useState } from 'react';
import { Box, Button, Chip, TableCell, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import type { PlanView, PrescriptionView } from '../../../../main/contract/views';
import { fieldErrorOf } from '../../errors';
import { api } from '../../api';
import { formatRest } from '../../format';
import { formatLoad, fromKg, round1, toKg } from '../../units';
import { useStudio } from '../../studio-context';
import { PredictedRir } from '../rir/PredictedRir';
import { SessionAdjustDialog } from '../progression/SessionAdjustDialog';
import { SuggestionsDialog } from './SuggestionsDialog';

interface Props { prescription: PrescriptionView; memberId: number; editable: boolean; inSession: boolean; onSaved(plan: PlanView): void }

type Draft = Record<'sets' | 'repMin' | 'repMax' | 'targetRir' | 'load' | 'restS', string>;

export function PrescriptionRow({ prescription: p, memberId, editable, inSession, onSaved }: Props) {
  const { unit, showError } = useStudio();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [swapping, setSwapping] = useState(false);
  const [busy, setBusy] = useState(false);
  const [badField, setBadField] = useState<string | null>(null);
  const loadText = p.loadKg === null ? '' : String(round1(fromKg(p.loadKg, unit)));

  const startEdit = () => {
    setBadField(null);
    setDraft({ sets: String(p.sets), repMin: String(p.repMin), repMax: String(p.repMax), targetRir: String(p.targetRir), load: loadText, restS: String(p.restS) });
  };

  const save = async () => {
    if (!draft) return;
    const patch: Record<string, number | null> = {};
    for (const key of ['sets', 'repMin', 'repMax', 'targetRir', 'restS'] as const) {
      if (Number(draft[key]) !== p[key]) patch[key] = Number(draft[key]);
    }
    if (draft.load.trim() !== loadText) {
      patch.loadKg = draft.load.trim() === '' ? null : Math.round(toKg(Number(draft.load), unit) * 100) / 100;
    }
    if (Object.keys(patch).length === 0) return setDraft(null);
    setBusy(true);
    try {
      const plan = await api.plans.updatePrescription({ prescriptionId: p.id, patch });
      setDraft(null);
      onSaved(plan);
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field.split('.').pop() ?? null);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof Draft, label: string, width = 64) => (
    <TextField
      label={label} type="number" value={draft?.[key] ?? ''} sx={{ width }} error={badField === key || (key === 'load' && badField === 'loadKg')}
      onChange={(e) => setDraft((d) => (d ? { ...d, [key]: e.target.value } : d))}
      slotProps={{ htmlInput: { 'data-testid': `edit-${key}`, step: key === 'load' ? 0.5 : 1 } }}
    />
  );

  const exerciseCell = (
    <TableCell>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="prescription-exercise">{p.exerciseName}</Typography>
        {p.isCalibration ? <Chip label="calibration" color="info" variant="outlined" data-testid="calibration-chip" /> : null}
        {p.editedAt ? <Chip label="edited" variant="outlined" /> : null}
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" data-testid="prescription-reason">{p.reason}</Typography>
    </TableCell>
  );

  if (draft) {
    return (
      <TableRow data-testid="prescription-row" data-prescription-id={p.id} selected>
        <TableCell>{p.order}</TableCell>
        {exerciseCell}
        <TableCell colSpan={6}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            {field('sets', 'Sets', 56)}
            {field('repMin', 'Min reps', 80)}
            {field('repMax', 'Max reps', 80)}
            {field('targetRir', 'RIR', 56)}
            {field('load', `Load (${unit})`, 90)}
            {field('restS', 'Rest (s)', 72)}
            <Button onClick={() => setDraft(null)}>Cancel</Button>
            <Button variant="contained" onClick={save} disabled={busy} data-testid="save-prescription">Save</Button>
          </Box>
          <Typography variant="caption" color="text.secondary">Leave load empty for body-weight work.</Typography>
        </TableCell>
      </TableRow>
    );
  }

  return (
    <TableRow data-testid="prescription-row" data-prescription-id={p.id}>
      <TableCell>{p.order}</TableCell>
      {exerciseCell}
      <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="prescription-sets-reps">
        {p.sets} × {p.repMin === p.repMax ? p.repMin : `${p.repMin}–${p.repMax}`}
      </TableCell>
      <TableCell align="right">{p.targetRir}</TableCell>
      <TableCell><PredictedRir prescription={p} /></TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} data-testid="prescription-load">{formatLoad(p.loadKg, unit)}</TableCell>
      <TableCell align="right">{formatRest(p.restS)}</TableCell>
      <TableCell align="right">
        {editable ? <Button onClick={startEdit} data-testid="edit-prescription">Edit</Button> : null}
        {editable ? <Button onClick={() => setSwapping(true)} data-testid="swap-prescription">Swap</Button> : null}
        {swapping ? (
          <SuggestionsDialog
            title={`Swap ${p.exerciseName} (the load is cleared: set it for the new exercise)`} memberId={memberId} open context={{ kind: 'swap', exerciseId: p.exerciseId }}
            onClose={() => setSwapping(false)}
            onChoose={async (exerciseId) => { onSaved(await api.plans.updatePrescription({ prescriptionId: p.id, patch: { exerciseId, loadKg: null } })); }}
          />
        ) : null}
        {inSession ? (
          <Tooltip title="Fatigue or form now: adjust the rest of this exercise">
            <Button size="small" onClick={() => setAdjusting(true)} data-testid="session-adjust">During session</Button>
          </Tooltip>
        ) : null}
        {adjusting ? <SessionAdjustDialog prescription={p} open onClose={() => setAdjusting(false)} /> : null}
      </TableCell>
    </TableRow>
  );
}
