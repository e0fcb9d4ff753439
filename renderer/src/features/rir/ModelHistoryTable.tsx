/** Every switch of the active RIR model, newest first. */
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ModelsView } from '../../../../main/contract/views';
import { formatDateTime } from '../../format';

const name = (v: string | null) => v ?? 'published-figures default';

export function ModelHistoryTable({ history }: { history: ModelsView['history'] }) {
  if (history.length === 0) return <Typography color="text.secondary" data-testid="model-history-empty">No switches yet.</Typography>;
  const rows = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Table data-testid="model-history">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>From</TableCell>
          <TableCell>To</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((h, i) => (
          <TableRow key={`${h.at}-${i}`} data-testid="model-history-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{name(h.from)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{name(h.to)}</TableCell>
            <TableCell>{h.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
