/**
 * What importing the chosen workout-app export would store, before anything is stored: the app
 * and layout recognised and why, the unit and its reason, how times were read, warnings and
 * malformed rows, and the first sets as they will be stored (loads in the file's unit).
 */
import { Alert, Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ImportPreview } from '../../../../main/contract/views';
import { formatLoad } from '../../../../engine/units/index';

export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  if (preview.detection === null) {
    return (
      <Alert severity="error" data-testid="import-preview-refused">
        This file cannot be imported: {preview.errors[0]?.message ?? 'it is not an export of a known app.'}
      </Alert>
    );
  }
  const skipped = preview.skipped.reduce((n, s) => n + s.count, 0);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="import-preview">
      <Alert severity="info" data-testid="import-detection">
        Recognised: <b data-testid="import-detection-layout">{preview.detection.layout}</b>. {preview.detection.reason}
      </Alert>
      <Alert severity="info" data-testid="import-unit-reason">
        Loads in <b>{preview.unit}</b> ({preview.unitSource}): {preview.unitReason}
      </Alert>
      <Typography variant="body2" color="text.secondary" data-testid="import-preview-times">Times: {preview.timeNote}</Typography>
      <Typography variant="body2" data-testid="import-preview-counts">
        {preview.sets.toLocaleString('en-US')} sets of {preview.rowsTotal.toLocaleString('en-US')} rows in {preview.sessions} sessions
        {preview.rejected.length > 0 ? `, ${preview.rejected.length} rows rejected` : ''}
        {skipped > 0 ? `, ${skipped} rows skipped (${preview.skipped.map((s) => s.reason).join('; ')})` : ''}
        {preview.unmatched.length > 0 ? `; ${preview.unmatched.length} exercise names to map after the import` : '; every exercise name matches the library'}.
      </Typography>
      {preview.errorCount > 0 ? (
        <Alert severity="error" data-testid="import-preview-errors">
          {preview.errorCount} malformed rows: nothing would be stored.
          {preview.errors.slice(0, 5).map((e) => <div key={`${e.line}-${e.field}`}>Line {e.line}, {e.field}: {e.message}</div>)}
        </Alert>
      ) : null}
      {preview.warnings.slice(0, 5).map((w) => (
        <Alert key={`${w.line}-${w.field}`} severity="warning" data-testid="import-preview-warning">Line {w.line}, {w.field}: {w.message}</Alert>
      ))}
      <TableContainer sx={{ maxHeight: 240, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader data-testid="import-preview-rows">
          <TableHead>
            <TableRow>
              {['Line', 'Start', 'Exercise', 'Kind', 'Load', 'Reps', 'RIR'].map((c) => <TableCell key={c}>{c}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.firstRows.map((r) => (
              <TableRow key={r.line} data-testid="import-preview-row">
                <TableCell>{r.line}</TableCell>
                <TableCell>{r.startedAt.replace('T', ' ')}</TableCell>
                <TableCell>{r.exerciseName}</TableCell>
                <TableCell>{r.setKind}</TableCell>
                <TableCell>{formatLoad(r.loadKg, preview.unit)}</TableCell>
                <TableCell>{r.reps}</TableCell>
                <TableCell>{r.rir === null ? '' : `${r.rir}${r.rirSource === 'rpe' ? ` (RPE ${r.rpe ?? ''})` : ' (failure)'}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
