/** One proposed change of next week's plan: before → after with its reason; accept, edit or reject. */
import { useState } from 'react';
import { Box, Button, Chip, TableCell, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import type { AdjustmentLineView } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { formatRest } from '../../format';
import { exerciseIdName } from '../../prescribed';
import { useStudio } from '../../studio-context';
import { formatLoad, fromKg, round1, toKg } from '../../units';

const FIELD_LABELS: Record<string, string> = {
  loadKg: 'Load', sets: 'Sets', repMin: 'Min reps', repMax: 'Max reps', restS: 'Rest', exerciseId: 'Exercise',
};
const STATUS_COLORS = { pending: 'warning', accepted: 'success', edited: 'info', rejected: 'default' } as const;

export function formatLineValue(field: string, value: unknown, unit: WeightUnit, name?: string): string {
  if (field === 'loadKg') return typeof value === 'number' || value === null ? formatLoad(value, unit) : String(value);
  if (field === 'restS' && typeof value === 'number') return formatRest(value);
  if (field === 'exerciseId') return name ?? (typeof value === 'string' ? exerciseIdName(value) : '—');
  return value === null || value === undefined ? '—' : String(value);
}

/** The value to put in the edit box, in the unit shown. */
function editText(line: AdjustmentLineView, unit: WeightUnit): string {
  if (typeof line.after !== 'number') return '';
  return String(line.field === 'loadKg' ? round1(fromKg(line.after, unit)) : line.after);
}

interface Props { line: AdjustmentLineView; busy: boolean; onDecide(decision: 'accept' | 'reject' | 'edit', value?: number): void }

export function AdjustmentLineRow({ line, busy, onDecide }: Props) {
  const { unit } = useStudio();
  const [edit, setEdit] = useState<string | null>(null);
  const pending = line.status === 'pending';
  const isLoad = line.field === 'loadKg';
  const canEdit = line.field !== 'exerciseId';

  const saveEdit = () => {
    if (edit === null || edit.trim() === '') return;
    const n = Number(edit);
    onDecide('edit', isLoad ? Math.round(toKg(n, unit) * 100) / 100 : n);
    setEdit(null);
  };

  return (
    <TableRow data-testid="adjustment-line" data-line-id={line.id} data-status={line.status}>
      <TableCell sx={{ fontWeight: 600 }}>{line.exerciseName}</TableCell>
      <TableCell>{FIELD_LABELS[line.field] ?? line.field}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="adjustment-change">
        <Typography component="span" variant="body2" color="text.secondary">{formatLineValue(line.field, line.before, unit, line.exerciseName)}</Typography>
        {' → '}
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{formatLineValue(line.field, line.after, unit, line.afterName)}</Typography>
      </TableCell>
      <TableCell><Typography variant="body2" color="text.secondary">{line.reason}</Typography></TableCell>
      <TableCell><Chip label={line.status} color={STATUS_COLORS[line.status]} data-testid="adjustment-line-status" /></TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {!pending ? null : edit !== null ? (
          <Box sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
            <TextField
              type="number" value={edit} onChange={(e) => setEdit(e.target.value)} sx={{ width: 96 }} autoFocus
              label={isLoad ? unit : line.field === 'restS' ? 's' : FIELD_LABELS[line.field]}
              onKeyDown={(e) => { if (e.key === 'Enter') saveEdit(); if (e.key === 'Escape') setEdit(null); }}
              slotProps={{ htmlInput: { step: isLoad ? 0.5 : 1, 'data-testid': 'adjustment-edit-value' } }}
            />
            <Button onClick={() => setEdit(null)}>Cancel</Button>
            <Button variant="contained" disabled={busy} onClick={saveEdit} data-testid="adjustment-edit-save">Save</Button>
          </Box>
        ) : (
          <>
            <Button color="success" disabled={busy} onClick={() => onDecide('accept')} data-testid="adjustment-accept">Accept</Button>
            <Tooltip title={canEdit ? '' : 'An exercise swap can be accepted or rejected'}>
              <span><Button disabled={busy || !canEdit} onClick={() => setEdit(editText(line, unit))} data-testid="adjustment-edit">Edit</Button></span>
            </Tooltip>
            <Button color="inherit" disabled={busy} onClick={() => onDecide('reject')} data-testid="adjustment-reject">Reject</Button>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}
