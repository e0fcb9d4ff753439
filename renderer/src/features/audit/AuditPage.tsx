/**
 * The audit log (managers): who did what and when, newest first. Filter by person, action (or a
 * prefix like `auth.*`) and dates; page through it; export what the filter matches as CSV.
 */
import { useEffect, useState } from 'react';
import {
  Box, Button, LinearProgress, MenuItem, Paper, TablePagination, TextField, Typography,
} from '@mui/material';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { useDebounced } from '../../use-debounced';
import { downloadText } from '../../components/download';
import { roleLabel } from '../auth/roles';
import { AuditTable } from './AuditTable';
import { EMPTY_FILTER, toAuditQuery, type AuditFilterForm } from './audit-filter';

export function AuditPage() {
  const { showError, showMessage } = useStudio();
  const staff = useLoad(() => api.staff.list({}), []);
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const filter = useDebounced(form, 300);
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);
  const [exporting, setExporting] = useState(false);
  const query = toAuditQuery(filter);
  const key = JSON.stringify(query);
  useEffect(() => setPage(0), [key]);
  const entries = useLoad(() => api.audit.list({ ...query, limit: rowsPerPage, offset: page * rowsPerPage }), [key, page, rowsPerPage]);
  const fieldError = fieldErrorOf(entries.error);
  const errorOn = (name: string) => (fieldError?.field === name ? fieldError.message : undefined);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await api.audit.export(query);
      downloadText(file.fileName, file.mediaType, file.content);
      showMessage(`Exported ${entries.data?.total ?? ''} entries to ${file.fileName}`);
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };
  const set = (patch: Partial<AuditFilterForm>) => setForm({ ...form, ...patch });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="audit-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Audit</Typography>
        <Button variant="outlined" onClick={exportCsv} disabled={exporting} data-testid="audit-export">Export CSV</Button>
      </Box>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }} data-testid="audit-filters">
        <TextField select label="Person" value={form.person} onChange={(e) => set({ person: e.target.value })} sx={{ minWidth: 200 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} data-testid="audit-filter-person">
          <MenuItem value="">Anyone</MenuItem>
          {(staff.data ?? []).map((s) => <MenuItem key={s.id} value={String(s.id)}>{s.name} · {roleLabel(s.role)}</MenuItem>)}
        </TextField>
        <TextField label="Action" placeholder="plan.approve or auth.*" value={form.action} onChange={(e) => set({ action: e.target.value })}
          error={Boolean(errorOn('action'))} helperText={errorOn('action') ?? 'an action, or a prefix ending in .*'}
          slotProps={{ htmlInput: { 'data-testid': 'audit-filter-action' } }} sx={{ width: 240 }} />
        <TextField label="From" type="date" value={form.from} onChange={(e) => set({ from: e.target.value })}
          error={Boolean(errorOn('from'))} helperText={errorOn('from')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-filter-from' } }} />
        <TextField label="To (included)" type="date" value={form.to} onChange={(e) => set({ to: e.target.value })}
          error={Boolean(errorOn('to'))} helperText={errorOn('to')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-filter-to' } }} />
        <Button onClick={() => setForm(EMPTY_FILTER)} disabled={JSON.stringify(form) === JSON.stringify(EMPTY_FILTER)} sx={{ mt: 0.5 }}
          data-testid="audit-filter-clear">Clear</Button>
      </Paper>
      <Paper>
        {entries.loading ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
        <AuditTable entries={entries.data?.entries ?? []} />
        <TablePagination
          component="div" count={entries.data?.total ?? 0} page={page} rowsPerPage={rowsPerPage} rowsPerPageOptions={[25, 50, 100, 200]}
          onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setRowsPerPage(Number(e.target.value)); setPage(0); }}
          data-testid="audit-pagination"
        />
        <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 1, display: 'block' }} data-testid="audit-total" data-total={entries.data?.total ?? 0}>
          {entries.data ? `${entries.data.total.toLocaleString()} entries match` : ''}
        </Typography>
      </Paper>
    </Box>
  );
}
