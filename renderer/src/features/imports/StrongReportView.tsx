/** What a Strong import did: counts, the unit and why, rejected rows, and the exercise names. */
import { Alert, Box, TableCell, TableRow, Typography } from '@mui/material';
import type { StrongImportReport } from '../../../../main/contract/views';
import { ReportStats } from './ReportStats';
import { CollapsibleTable } from './CollapsibleTable';
import { UnmatchedNames } from './UnmatchedNames';

export function StrongReportView({ report }: { report: StrongImportReport }) {
  const accounted = report.setsStored + report.duplicates + report.rejected.length;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="strong-report">
      <Typography variant="body2">
        Imported into <b>{report.memberName}</b>: {report.sessions} sessions over {report.days} days.
      </Typography>
      <ReportStats
        items={[
          { label: 'rows in file', value: report.rowsTotal, testId: 'report-rows-total' },
          { label: 'sets stored', value: report.setsStored, testId: 'report-sets-stored' },
          { label: 'duplicates skipped', value: report.duplicates, testId: 'report-duplicates', tone: 'warning' },
          { label: 'rows rejected', value: report.rejected.length, testId: 'report-rejected', tone: 'error' },
          { label: 'sessions', value: report.sessions, testId: 'report-sessions' },
        ]}
      />
      {accounted !== report.rowsTotal ? (
        <Alert severity="warning">
          {report.rowsTotal - accounted} rows are not accounted for (stored + duplicates + rejected = {accounted}).
        </Alert>
      ) : null}
      <Alert severity="info" data-testid="report-unit">
        Loads read as <b>{report.unit}</b>: {report.unitReason}
      </Alert>
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
      <UnmatchedNames names={report.unmatched} />
    </Box>
  );
}
