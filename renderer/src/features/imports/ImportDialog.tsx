/** Import a Strong CSV into a member, or an exercise library JSON; shows progress, then the report. */
import { useState } from 'react';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, MenuItem,
  Radio, RadioGroup, TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import type { ExerciseImportReport, StrongImportReport } from '../../../../main/contract/views';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { api, callWithProgress } from '../../api';
import { navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { StrongReportView } from './StrongReportView';
import { ExerciseReportView } from './ExerciseReportView';

type Kind = 'strong' | 'exercises';
type Result = { kind: 'strong'; report: StrongImportReport } | { kind: 'exercises'; report: ExerciseImportReport };

interface Props { open: boolean; onClose(): void; onImported(): void }

export function ImportDialog({ open, onClose, onImported }: Props) {
  const { showError } = useStudio();
  const [kind, setKind] = useState<Kind>('strong');
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [memberName, setMemberName] = useState('');
  const [memberId, setMemberId] = useState<number | ''>('');
  const [unit, setUnit] = useState<'auto' | WeightUnit>('auto');
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const members = useLoad(() => (open ? api.members.list({}) : Promise.resolve([])), [open]);

  const reset = () => {
    setFile(null);
    setProgress(null);
    setResult(null);
    setMemberName('');
    setMemberId('');
  };
  const close = () => {
    if (progress) return;
    reset();
    onClose();
  };
  const canRun = file !== null && (kind === 'exercises' || (target === 'new' ? memberName.trim() !== '' : memberId !== ''));

  const run = async () => {
    if (!file) return;
    setProgress({ fraction: 0, message: `Reading ${file.name}…` });
    try {
      const content = await file.text();
      if (kind === 'strong') {
        const report = await callWithProgress('imports/strong', {
          fileName: file.name,
          content,
          ...(target === 'new' ? { memberName: memberName.trim() } : { memberId: Number(memberId) }),
          ...(unit === 'auto' ? {} : { unit }),
        }, setProgress);
        setResult({ kind: 'strong', report });
      } else {
        const report = await callWithProgress('imports/exercises', { fileName: file.name, content }, setProgress);
        setResult({ kind: 'exercises', report });
      }
      onImported();
    } catch (err) {
      showError(err);
    } finally {
      setProgress(null);
    }
  };

  const form = (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <RadioGroup row value={kind} onChange={(e) => { setKind(e.target.value as Kind); setFile(null); }}>
        <FormControlLabel value="strong" control={<Radio size="small" />} label="Strong CSV (workout log)" data-testid="import-kind-strong" />
        <FormControlLabel value="exercises" control={<Radio size="small" />} label="Exercise library JSON" data-testid="import-kind-exercises" />
      </RadioGroup>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Button variant="outlined" component="label">
          Choose file
          <input
            hidden
            type="file"
            accept={kind === 'strong' ? '.csv,text/csv' : '.json,application/json'}
            data-testid="import-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="import-file-name">
          {file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'No file chosen'}
        </Typography>
      </Box>
      {kind === 'strong' ? (
        <>
          <ToggleButtonGroup exclusive size="small" value={target} onChange={(_, v: 'new' | 'existing' | null) => v && setTarget(v)}>
            <ToggleButton value="new" data-testid="import-target-new">New member</ToggleButton>
            <ToggleButton value="existing" data-testid="import-target-existing">Existing member</ToggleButton>
          </ToggleButtonGroup>
          {target === 'new' ? (
            <TextField label="Member name" value={memberName} onChange={(e) => setMemberName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'import-member-name' } }} helperText="Used as is when no member has this name yet" />
          ) : (
            <TextField select label="Member" value={memberId} onChange={(e) => setMemberId(Number(e.target.value))} data-testid="import-member-select">
              {(members.data ?? []).map((m) => <MenuItem key={m.id} value={m.id}>{m.name}</MenuItem>)}
            </TextField>
          )}
          <TextField select label="Weight unit in the file" value={unit} onChange={(e) => setUnit(e.target.value as 'auto' | WeightUnit)}
            helperText="Auto: decided from the numbers (Strong stores kg or lb without saying which)" data-testid="import-unit">
            <MenuItem value="auto">Auto-detect</MenuItem>
            <MenuItem value="kg">kg</MenuItem>
            <MenuItem value="lb">lb</MenuItem>
          </TextField>
        </>
      ) : null}
    </Box>
  );

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth data-testid="import-dialog">
      <DialogTitle>{result ? 'Import report' : 'Import'}</DialogTitle>
      <DialogContent dividers>
        {progress ? (
          <Box sx={{ py: 3 }} data-testid="import-progress">
            <LinearProgress variant={progress.fraction > 0 ? 'determinate' : 'indeterminate'} value={Math.round(progress.fraction * 100)} />
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="import-progress-message">{progress.message}</Typography>
          </Box>
        ) : result?.kind === 'strong' ? (
          <StrongReportView report={result.report} />
        ) : result?.kind === 'exercises' ? (
          <ExerciseReportView report={result.report} />
        ) : form}
      </DialogContent>
      <DialogActions>
        {result?.kind === 'strong' ? (
          <Button onClick={() => { const id = result.report.memberId; reset(); onClose(); navigate({ page: 'member', memberId: id }); }}
            data-testid="open-imported-member">
            Open {result.report.memberName}
          </Button>
        ) : null}
        {result ? <Button onClick={reset}>Import another</Button> : null}
        <Button onClick={close} disabled={progress !== null} data-testid="import-close">{result ? 'Done' : 'Cancel'}</Button>
        {result ? null : (
          <Button variant="contained" onClick={run} disabled={!canRun || progress !== null} data-testid="import-run">Import</Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
