/**
 * Import a workout-app export (Strong, Hevy, Fitbod, FitNotes) into a member, or an exercise
 * library JSON. For an export, a preview (app and layout recognised, unit and reason, first sets)
 * is shown as soon as the file is chosen, and staff can override the app and the unit before
 * importing; the import shows progress and can be cancelled (nothing is stored then).
 */
import { useEffect, useRef, useState } from 'react';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, MenuItem,
  Radio, RadioGroup, TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import type { ExerciseImportReport, HistoryImportReport, ImportPreview } from '../../../../main/contract/views';
import type { ImportFormat } from '../../../../engine/imports/formats';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { api, callWithProgress } from '../../api';
import { navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { HistoryReportView } from './HistoryReportView';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ExerciseReportView } from './ExerciseReportView';

type Kind = 'history' | 'exercises';
type Result = { kind: 'history'; report: HistoryImportReport } | { kind: 'exercises'; report: ExerciseImportReport };
type FormatChoice = 'auto' | ImportFormat;

const FORMAT_CHOICES: ReadonlyArray<{ value: FormatChoice; label: string }> = [
  { value: 'auto', label: 'Recognise from the file' }, { value: 'strong', label: 'Strong' }, { value: 'hevy', label: 'Hevy' },
  { value: 'fitbod', label: 'Fitbod' }, { value: 'fitnotes', label: 'FitNotes' },
];

interface Props { open: boolean; onClose(): void; onImported(): void }

export function ImportDialog({ open, onClose, onImported }: Props) {
  const { showError } = useStudio();
  const [kind, setKind] = useState<Kind>('history');
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [preview, setPreview] = useState<{ preview: ImportPreview | null; loading: boolean }>({ preview: null, loading: false });
  const abort = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [memberName, setMemberName] = useState('');
  const [memberId, setMemberId] = useState<number | ''>('');
  const [unit, setUnit] = useState<'auto' | WeightUnit>('auto');
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const members = useLoad(() => (open ? api.members.list({}) : Promise.resolve([])), [open]);

  // The preview follows the file and the chosen app and unit; a newer request replaces an older one.
  useEffect(() => {
    if (kind !== 'history' || file === null) {
      setPreview({ preview: null, loading: false });
      return;
    }
    let live = true;
    setPreview((p) => ({ preview: p.preview, loading: true }));
    void (async () => {
      try {
        const content = await file.text();
        const value = await api.imports.preview({ fileName: file.name, content, format, ...(unit === 'auto' ? {} : { unit }) });
        if (live) setPreview({ preview: value, loading: false });
      } catch (err) {
        if (live) setPreview({ preview: null, loading: false });
        showError(err);
      }
    })();
    return () => { live = false; };
  }, [kind, file, format, unit, showError]);

  const reset = () => {
    setFile(null);
    setFormat('auto');
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
  const previewBlocks = kind === 'history' && (preview.loading || preview.preview === null || preview.preview.detection === null || preview.preview.errorCount > 0);
  const canRun = file !== null && !previewBlocks && (kind === 'exercises' || (target === 'new' ? memberName.trim() !== '' : memberId !== ''));

  const run = async () => {
    if (!file) return;
    setProgress({ fraction: 0, message: `Reading ${file.name}…` });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const content = await file.text();
      if (kind === 'history') {
        const report = await callWithProgress('imports/history', {
          fileName: file.name,
          content,
          format,
          ...(target === 'new' ? { memberName: memberName.trim() } : { memberId: Number(memberId) }),
          ...(unit === 'auto' ? {} : { unit }),
        }, setProgress, controller.signal);
        setResult({ kind: 'history', report });
      } else {
        const report = await callWithProgress('imports/exercises', { fileName: file.name, content }, setProgress);
        setResult({ kind: 'exercises', report });
      }
      onImported();
    } catch (err) {
      showError(err);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const form = (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <RadioGroup row value={kind} onChange={(e) => { setKind(e.target.value as Kind); setFile(null); }}>
        <FormControlLabel value="history" control={<Radio size="small" />} label="Workout log (Strong, Hevy, Fitbod, FitNotes CSV)" data-testid="import-kind-history" />
        <FormControlLabel value="exercises" control={<Radio size="small" />} label="Exercise library JSON" data-testid="import-kind-exercises" />
      </RadioGroup>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Button variant="outlined" component="label">
          Choose file
          <input
            hidden
            type="file"
            accept={kind === 'history' ? '.csv,text/csv' : '.json,application/json'}
            data-testid="import-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="import-file-name">
          {file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'No file chosen'}
        </Typography>
      </Box>
      {kind === 'history' ? (
        <>
          <Box sx={{ display: 'flex', gap: 1.5 }}>
            <TextField select sx={{ flex: 1 }} label="App the file comes from" value={format} onChange={(e) => setFormat(e.target.value as FormatChoice)}
              helperText="Recognised from the header (or the rows' shape) unless you choose" data-testid="import-format">
              {FORMAT_CHOICES.map((f) => <MenuItem key={f.value} value={f.value} data-testid={`import-format-${f.value}`}>{f.label}</MenuItem>)}
            </TextField>
            <TextField select sx={{ flex: 1 }} label="Weight unit in the file" value={unit} onChange={(e) => setUnit(e.target.value as 'auto' | WeightUnit)}
              helperText="Auto: what the file says, else from plate arithmetic" data-testid="import-unit">
              <MenuItem value="auto">Auto</MenuItem>
              <MenuItem value="kg" data-testid="import-unit-kg">kg</MenuItem>
              <MenuItem value="lb" data-testid="import-unit-lb">lb</MenuItem>
            </TextField>
          </Box>
          {preview.loading ? <LinearProgress data-testid="import-preview-loading" /> : null}
          {preview.preview ? <ImportPreviewPanel preview={preview.preview} /> : null}
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
            <Button sx={{ mt: 1 }} onClick={() => abort.current?.abort()} disabled={abort.current === null} data-testid="import-cancel">
              Cancel import
            </Button>
          </Box>
        ) : result?.kind === 'history' ? (
          <HistoryReportView report={result.report} />
        ) : result?.kind === 'exercises' ? (
          <ExerciseReportView report={result.report} />
        ) : form}
      </DialogContent>
      <DialogActions>
        {result?.kind === 'history' ? (
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
