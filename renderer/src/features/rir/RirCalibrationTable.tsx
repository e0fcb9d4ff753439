/** Calibration: for each predicted RIR, what the member actually had left on average. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { RirMemberView } from '../../../../main/contract/views';
import { round1 } from '../../units';

export function RirCalibrationTable({ rows }: { rows: RirMemberView['accuracy']['calibration'] }) {
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">Not enough sets yet.</Typography>;
  return (
    <Table data-testid="rir-calibration">
      <TableHead>
        <TableRow>
          <TableCell>Predicted</TableCell>
          <TableCell align="right">Mean predicted</TableCell>
          <TableCell align="right">Mean observed</TableCell>
          <TableCell align="right">Sets</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const gap = r.meanObserved - r.meanPredicted;
          return (
            <TableRow key={r.predicted}>
              <TableCell>RIR {r.predicted}{r.predicted === 6 ? '+' : ''}</TableCell>
              <TableCell align="right">{round1(r.meanPredicted)}</TableCell>
              <TableCell align="right" sx={{ color: Math.abs(gap) >= 1 ? 'warning.dark' : undefined }}>
                {round1(r.meanObserved)}
              </TableCell>
              <TableCell align="right">{r.sets}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
