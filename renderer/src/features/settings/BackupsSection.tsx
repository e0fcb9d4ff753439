/**
 * Backups (managers): the copies in the studio's backup folder with time and size, "Back up
 * now", restore (the current database is backed up first; everyone signs in again) and how many
 * daily backups are kept.
 */
import { useEffect, useState } from 'react';
import {
  Box, Button, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import type { BackupView, StudioSettingsView } from '../../../../main/contract/index';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { useAuth } from '../auth/auth-context';
import { BackupSizeChart } from './BackupSizeChart';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function KeepForm({ settings, onSaved }: { settings: StudioSettingsView; onSaved(s: StudioSettingsView): void }) {
  const { showMessage } = useStudio();
  const form = useFormErrors(['backupKeep']);
  const [keep, setKeep] = useState(String(settings.backupKeep));
  useEffect(() => setKeep(String(settings.backupKeep)), [settings.backupKeep]);
  const save = () => {
    const n = Number(keep);
    if (!Number.isInteger(n)) return form.fail('backupKeep', 'enter a whole number');
    void form.run(async () => {
      onSaved(await api.system.setSettings({ backupKeep: n }));
      showMessage(`The newest ${n} daily backups are kept`);
    });
  };
  return (
    <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); save(); }} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <FormField form={form} name="backupKeep" testPrefix="backups" label="Daily backups kept" type="number" value={keep}
        onChange={(e) => setKeep(e.target.value)} sx={{ width: 180 }} helperText="1–365; older ones are deleted" />
      <Button type="submit" variant="outlined" disabled={form.busy || keep === String(settings.backupKeep)} sx={{ mt: 0.5 }} data-testid="save-backup-keep">Save</Button>
      <GeneralError form={form} testId="backup-keep-error" />
    </Box>
  );
}

export function BackupsSection({ settings, onSaved }: { settings: StudioSettingsView; onSaved(s: StudioSettingsView): void }) {
  const { showError, showMessage } = useStudio();
  const auth = useAuth();
  const backups = useLoad(() => api.system.backups({}), []);
  const [running, setRunning] = useState<'backup' | 'restore' | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);

  const backUpNow = async () => {
    setRunning('backup');
    try {
      const made = await api.system.backup({});
      showMessage(`Backed up: ${made.fileName} (${formatBytes(made.bytes)})`);
      backups.reload();
    } catch (err) {
      showError(err);
    } finally {
      setRunning(null);
    }
  };
  const restore = async () => {
    if (!restoring) return;
    setRunning('restore');
    try {
      const report = await api.system.restore({ fileName: restoring.fileName, confirm: true });
      auth.everyoneSignsInAgain(`The database was restored from ${report.restored.fileName}; the one before it is kept as ${report.safetyBackup.fileName}. Everyone signs in again.`);
    } catch (err) {
      showError(err);
      setRunning(null);
      setRestoring(null);
    }
  };

  const list = backups.data?.backups ?? [];
  return (
    <Section title="Backups" testId="backups-section"
      actions={<Button variant="contained" onClick={backUpNow} disabled={running !== null} data-testid="backup-now">Back up now</Button>}>
      {running || backups.loading ? (
        <Box data-testid={running ? 'backup-progress' : undefined}>
          <LinearProgress />
          {running ? <Typography variant="body2" sx={{ mt: 0.5 }}>{running === 'backup' ? 'Writing a consistent copy of the database…' : 'Checking and restoring the backup…'}</Typography> : null}
        </Box>
      ) : <Box sx={{ height: 4 }} />}
      {backups.data ? (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ my: 0.5 }} data-testid="backup-folder">
          {list.length} backups in {backups.data.folder}
        </Typography>
      ) : null}
      {list.length > 1 ? <BackupSizeChart backups={list} /> : null}
      <Table data-testid="backups-table">
        <TableHead>
          <TableRow><TableCell>Time</TableCell><TableCell>Kind</TableCell><TableCell align="right">Size</TableCell><TableCell>File</TableCell><TableCell /></TableRow>
        </TableHead>
        <TableBody>
          {list.map((b) => (
            <TableRow key={b.fileName} data-testid="backup-row" data-file={b.fileName} data-kind={b.kind}>
              <TableCell>{formatDateTime(b.at)}</TableCell>
              <TableCell><Chip label={b.kind.replace('-', ' ')} variant="outlined" /></TableCell>
              <TableCell align="right">{formatBytes(b.bytes)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{b.fileName}</TableCell>
              <TableCell align="right">
                <Button size="small" color="warning" disabled={running !== null} onClick={() => setRestoring(b)} data-testid="restore-backup">Restore</Button>
              </TableCell>
            </TableRow>
          ))}
          {backups.data && list.length === 0 ? (
            <TableRow><TableCell colSpan={5} sx={{ color: 'text.secondary', textAlign: 'center', py: 2 }}>No backups yet.</TableCell></TableRow>
          ) : null}
        </TableBody>
      </Table>
      <Box sx={{ mt: 1.5 }}><KeepForm settings={settings} onSaved={onSaved} /></Box>
      <ConfirmDialog
        open={restoring !== null} busy={running === 'restore'}
        title={`Restore the backup of ${restoring ? formatDateTime(restoring.at) : ''}?`}
        text={`The studio goes back to ${restoring?.fileName ?? ''}: everything changed since then is undone. The current database is backed up first, so this can be undone too. Every session ends: everyone, you included, signs in again.`}
        confirmLabel="Restore" onConfirm={restore} onClose={() => setRestoring(null)}
      />
    </Section>
  );
}
