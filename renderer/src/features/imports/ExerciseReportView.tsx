import { Box, TableCell, TableRow } from '@mui/material';
import type { ExerciseImportReport } from '../../../../main/contract/views';
import { ReportStats } from './ReportStats';
import { CollapsibleTable } from './CollapsibleTable';

export function ExerciseReportView({ report }: { report: ExerciseImportReport }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="exercise-report">
      <ReportStats
        items={[
          { label: 'records in file', value: report.total, testId: 'report-total' },
          { label: 'imported', value: report.imported, testId: 'report-imported' },
          { label: 'new exercises', value: report.created, testId: 'report-created' },
          { label: 'updated', value: report.updated, testId: 'report-updated' },
          { label: 'rejected', value: report.rejected.length, testId: 'report-rejected', tone: 'error' },
        ]}
      />
      <CollapsibleTable
        label="rejected records"
        testId="rejected-table"
        rows={report.rejected}
        columns={['#', 'Source id', 'Name', 'Reason']}
        renderRow={(r) => (
          <TableRow key={r.index}>
            <TableCell>{r.index}</TableCell>
            <TableCell>{r.sourceId ?? '—'}</TableCell>
            <TableCell>{r.name ?? '—'}</TableCell>
            <TableCell>{r.reason}</TableCell>
          </TableRow>
        )}
      />
    </Box>
  );
}
