/** What an import of a workout-app export did: the app recognised, counts, the unit and why, rows left out, the exercise names. */
import { Alert, Box, TableCell, TableRow, Typography } from '@mui/material';
import type { HistoryImportReport } from '../../../../main/contract/views';
import { ReportStats } from './ReportStats';
import { CollapsibleTable } from './CollapsibleTable';
import { UnmatchedNames } from './UnmatchedNames';

export function HistoryReportView({ report }: { report: HistoryImportReport }) {
  const skipped = report.skipped.reduce((n, s) => n + s.count, 0);
  const accounted = report.setsStored + report.duplicates + report.rejected.length + skipped;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="import-report">
      <Typography variant="body2">
        Imported into <b>{report.memberName}</b>: {report.sessions} sessions over {report.days} days.
      </Typography>
      <Alert severity="info" data-testid="report-detection">
        <b>{report.detection.layout}</b>. {report.detection.reason}
      </Alert>
      <ReportStats
        items={[
          { label: 'rows in file', value: report.rowsTotal, testId: 'report-rows-total' },
          { label: 'sets stored', value: report.setsStored, testId: 'report-sets-stored' },
          { label: 'duplicates skipped', value: report.duplicates, testId: 'report-duplicates', tone: 'warning' },
          { label: 'rows rejected', value: report.rejected.length, testId: 'report-rejected', tone: 'error' },
          { label: 'rows skipped (not sets)', value: skipped, testId: 'report-skipped' },
          { label: 'sessions', value: report.sessions, testId: 'report-sessions' },
        ]}
      />
      {accounted !== report.rowsTotal ? (
        <Alert severity="warning">
          {report.rowsTotal - accounted} rows are not accounted for (stored + duplicates + rejected + skipped = {accounted}).
        </Alert>
      ) : null}
      <Alert severity="info" data-testid="report-unit">
        Loads read as <b>{report.unit}</b>: {report.unitReason}
      </Alert>
      <Typography variant="body2" color="text.secondary" data-testid="report-times">Times: {report.timeNote}</Typography>
      {report.skipped.map((s) => (
        <Typography key={s.reason} variant="body2" color="text.secondary">Skipped {s.count} rows: {s.reason} (first on line {s.firstLine}).</Typography>
      ))}
      {report.warnings.map((w) => (
        <Alert key={`${w.line}-${w.field}`} severity="warning">Line {w.line}, {w.field}: {w.message}</Alert>
      ))}
      <CollapsibleTable
        label="rejected rows"
        testId="rejected-table"
        rows={report.rejected}
        columns={['Line', 'Field', 'Reason']}
        renderRow={(r, i) => (
          <TableRow key={`${r.line}-${i}`}>
            <TableCell>{r.line}</TableCell>
            <TableCell>{r.field}</TableCell>
            <TableCell>{r.reason}</TableCell>
          </TableRow>
        )}
      />
      <CollapsibleTable
        label="matched exercise names"
        testId="matched-table"
        rows={report.matched}
        columns={['Name in file', 'Sets', 'Library exercise', 'How']}
        renderRow={(m) => (
          <TableRow key={m.name}>
            <TableCell>{m.name}</TableCell>
            <TableCell>{m.sets}</TableCell>
            <TableCell>{m.exerciseName}</TableCell>
            <TableCell>{m.method}</TableCell>
          </TableRow>
        )}
      />
      <UnmatchedNames names={report.unmatched} source={report.detection.format} />
    </Box>
  );
}
