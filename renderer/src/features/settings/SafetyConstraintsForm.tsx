/** The club's safety constraints (safety/set-constraints): one plain line per limit, saved by a manager. */
import { useEffect, useState } from 'react';
import { Box, Button, InputAdornment, TextField, Tooltip, Typography } from '@mui/material';
import type { SafetyConstraints } from '../../../../engine/safety/index';
import { DEFAULT_CONSTRAINTS } from '../../../../engine/safety/constraints';
import { StudioError } from '../../../../main/contract/errors';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { CONSTRAINT_FIELDS, fromShown, toShown, unitOf, type ConstraintKey } from './safety-fields';
import { useStudio } from '../../studio-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface Props { constraints: SafetyConstraints; canEdit: boolean; onSaved(c: SafetyConstraints): void }

type Drafts = Record<ConstraintKey, string>;

export function SafetyConstraintsForm({ constraints, canEdit, onSaved }: Props) {
  const { unit, showError, showMessage } = useStudio();
  const shownOf = (c: SafetyConstraints) => Object.fromEntries(CONSTRAINT_FIELDS.map((f) => [f.key, toShown(f, c[f.key], unit)])) as Drafts;
  const [drafts, setDrafts] = useState<Drafts>(() => shownOf(constraints));
  const [bad, setBad] = useState<{ key: ConstraintKey; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDrafts(shownOf(constraints)), [constraints, unit]);

  const send = async (values: Partial<SafetyConstraints>, done: string) => {
    setBusy(true);
    setBad(null);
    try {
      const saved = await api.safety.setConstraints({ constraints: values });
      onSaved(saved);
      showMessage(done);
    } catch (err) {
      const key = fieldErrorOf(err)?.field.replace(/^constraints\.?/, '') as ConstraintKey | undefined;
      const field = CONSTRAINT_FIELDS.find((f) => f.key === key);
      if (field) setBad({ key: field.key, message: fieldErrorOf(err)!.message });
      showError(err, field?.label);
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };

  const save = () => {
    const values: Partial<SafetyConstraints> = {};
    for (const f of CONSTRAINT_FIELDS) {
      // Unchanged fields keep their stored value exactly (no kg ↔ lb round trip).
      const value = drafts[f.key] === toShown(f, constraints[f.key], unit) ? constraints[f.key] : fromShown(f, drafts[f.key], unit);
      if (!Number.isFinite(value)) {
        setBad({ key: f.key, message: 'enter a number' });
        return showError(new StudioError('invalid_input', 'enter a number', f.key), f.label);
      }
      values[f.key] = value;
    }
    void send(values, 'Safety constraints saved');
  };

  const onlyManagers = canEdit ? '' : 'Only a manager can change the safety constraints';
  return (
    <Box data-testid="safety-form">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 170px', columnGap: 2, rowGap: 1.25, alignItems: 'center', maxWidth: 720 }}>
        {CONSTRAINT_FIELDS.map((f) => (
          <Box key={f.key} sx={{ display: 'contents' }} data-testid={`constraint-row-${f.key}`}>
            <Box>
              <Typography variant="body2" component="label" htmlFor={`constraint-${f.key}`} sx={{ fontWeight: 600 }}>{f.label}</Typography>
              <Typography variant="caption" color={bad?.key === f.key ? 'error' : 'text.secondary'} component="div">
                {bad?.key === f.key ? bad.message : `${f.help} · default ${toShown(f, DEFAULT_CONSTRAINTS[f.key], unit)} ${unitOf(f.kind, unit)}`}
              </Typography>
            </Box>
            <TextField
              id={`constraint-${f.key}`} type="number" value={drafts[f.key]} error={bad?.key === f.key}
              onChange={(e) => setDrafts((d) => ({ ...d, [f.key]: e.target.value }))}
              slotProps={{
                input: { readOnly: !canEdit, endAdornment: <InputAdornment position="end">{unitOf(f.kind, unit)}</InputAdornment> },
                htmlInput: { 'data-testid': `constraint-${f.key}`, step: f.kind === 'kg' ? 0.5 : 1 },
              }}
            />
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Tooltip title={onlyManagers}>
          <span>
            <Button variant="contained" onClick={save} disabled={!canEdit || busy} data-testid="save-constraints">Save</Button>
          </span>
        </Tooltip>
        <Tooltip title={onlyManagers}>
          <span>
            <Button variant="outlined" color="inherit" onClick={() => setConfirm(true)} disabled={!canEdit || busy} data-testid="restore-constraints">
              Restore defaults
            </Button>
          </span>
        </Tooltip>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5, maxWidth: 720 }} data-testid="constraints-source">
        The defaults come from the product specification&apos;s safety table (domain.md). The load cut for poor form, the first load on
        body-weight work, the layoff length and the strength drop are the studio&apos;s own documented choices. Every suggestion and
        plan change is clamped to these limits.
      </Typography>
      <ConfirmDialog
        open={confirm} busy={busy} title="Restore the default safety constraints?"
        text="Every limit goes back to the product specification's default. Suggestions made from now on use the defaults."
        confirmLabel="Restore defaults" onConfirm={() => void send({}, 'Safety constraints restored to the defaults')} onClose={() => setConfirm(false)}
      />
    </Box>
  );
}
