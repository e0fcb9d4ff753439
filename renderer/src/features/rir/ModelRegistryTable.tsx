/** The RIR population models of the registry, newest first, with their held-out metrics. */
import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { ModelEntryView } from '../../../../main/contract/views';
import { formatDateTime } from '../../format';

const STATUS_COLOR = { active: 'success', candidate: 'info', retired: 'default' } as const;

export function ModelRegistryTable({ entries }: { entries: ModelEntryView[] }) {
  if (entries.length === 0) {
    return <Typography color="text.secondary" sx={{ py: 2 }} data-testid="models-empty">No trained models yet: the studio uses the published-figures default.</Typography>;
  }
  const rows = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <TableContainer>
      <Table data-testid="models-table">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Created</TableCell>
            <TableCell align="right">Training samples</TableCell>
            <TableCell align="right">Held-out MAE</TableCell>
            <TableCell align="right">80 % coverage</TableCell>
            <TableCell align="right">Held-out sets</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>SHA-256</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((e) => (
            <TableRow key={e.version} data-testid="model-row" data-version={e.version} selected={e.status === 'active'}>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{e.version}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</TableCell>
              <TableCell align="right">{e.trainingSamples.toLocaleString()}</TableCell>
              <TableCell align="right">{e.maeReps.toFixed(2)} reps</TableCell>
              <TableCell align="right">{Math.round(e.coverage80 * 100)} %</TableCell>
              <TableCell align="right">{e.heldOutSets.toLocaleString()}</TableCell>
              <TableCell>
                <Chip label={e.status} color={STATUS_COLOR[e.status]} variant={e.status === 'active' ? 'filled' : 'outlined'} data-testid="model-status" />
              </TableCell>
              <TableCell>
                <Tooltip title={`${e.sha256} · ${Math.ceil(e.sizeBytes / 1024)} KB`}>
                  <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>{e.sha256.slice(0, 12)}</Typography>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
