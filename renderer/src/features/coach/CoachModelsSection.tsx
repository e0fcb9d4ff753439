/**
 * Settings → Coach: the GGUF models found in the models folder (name, size, quantisation), loading
 * one with a progress bar, its load time and tokens per second, and the rules-mode fallback.
 */
import { useState } from 'react';
import { Alert, Box, Button, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { api, callWithProgress } from '../../api';
import { useLoad } from '../../use-load';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';
import { CoachBadge } from './CoachBadge';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 2 : 0)} MB`;

export function CoachModelsSection({ role }: { role: StaffRole | null }) {
  const { showError } = useStudio();
  const models = useLoad(() => api.coach.models({}), []);
  const [progress, setProgress] = useState<number | null>(null);
  const [path, setPath] = useState('');
  const canLoad = role === 'manager';
  const load = async (file: string) => {
    setProgress(0);
    try {
      await callWithProgress('coach/load-model', { path: file }, (e) => setProgress(e.fraction));
    } catch (e) { showError(e); } finally { setProgress(null); models.reload(); }
  };
  const unload = async () => { try { await api.coach.unloadModel({}); } catch (e) { showError(e); } models.reload(); };
  const v = models.data;
  return (
    <Section title="Coach" testId="coach-settings" actions={v ? <CoachBadge status={v.status} /> : null}>
      {!v ? <LinearProgress /> : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">Models folder: <code>{v.folder}</code>. {v.status.mode === 'rules' ? v.status.hint : null}</Typography>
          {v.status.model ? (
            <Typography variant="body2" data-testid="coach-model-stats">
              {v.status.model.name}: loaded in {Math.round(v.status.model.loadMs)} ms, {v.status.model.tokensPerS ?? '—'} tokens/s, {v.status.model.threads} threads, context {v.status.model.contextSize}; answers up to {v.status.maxTokens} tokens.
            </Typography>
          ) : null}
          {v.status.lastError ? <Alert severity="warning" data-testid="coach-load-error">{v.status.lastError}</Alert> : null}
          {progress !== null ? <LinearProgress variant="determinate" value={progress * 100} data-testid="coach-load-progress" /> : null}
          <Table size="small">
            <TableHead><TableRow><TableCell>Model</TableCell><TableCell>File</TableCell><TableCell>Size</TableCell><TableCell>Quantisation</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {v.models.length === 0 ? <TableRow><TableCell colSpan={5}>No .gguf files in the models folder.</TableCell></TableRow> : null}
              {v.models.map((m) => (
                <TableRow key={m.path} data-testid={`coach-model-${m.file}`}>
                  <TableCell>{m.name}</TableCell>
                  <TableCell>{m.file}</TableCell>
                  <TableCell>{mb(m.sizeBytes)}</TableCell>
                  <TableCell>{m.problem ? <Typography variant="caption" color="error">{m.problem}</Typography> : m.quantisation}</TableCell>
                  <TableCell>{canLoad && !m.problem ? <Button size="small" disabled={progress !== null} onClick={() => void load(m.file)} data-testid="coach-model-load">Load</Button> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {canLoad ? (
            <Box sx={{ display: 'flex', gap: 1 }}>
              <TextField size="small" fullWidth label="Or a .gguf file elsewhere (absolute path)" value={path} onChange={(e) => setPath(e.target.value)} />
              <Button disabled={!path.trim() || progress !== null} onClick={() => void load(path.trim())}>Load file</Button>
              {v.status.model ? <Button color="warning" onClick={() => void unload()} data-testid="coach-model-unload">Unload</Button> : null}
            </Box>
          ) : null}
        </Box>
      )}
    </Section>
  );
}
