/** A table behind a "Show …" toggle, for long lists in reports. Renders at most `limit` rows. */
import { useState, type ReactNode } from 'react';
import { Box, Button, Collapse, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';

interface Props<T> {
  label: string;
  rows: T[];
  columns: string[];
  renderRow(row: T, index: number): ReactNode;
  testId: string;
  limit?: number;
  defaultOpen?: boolean;
}

export function CollapsibleTable<T>({ label, rows, columns, renderRow, testId, limit = 500, defaultOpen = false }: Props<T>) {
  const [open, setOpen] = useState(defaultOpen);
  if (rows.length === 0) return null;
  return (
    <Box>
      <Button onClick={() => setOpen((o) => !o)} data-testid={`${testId}-toggle`}>
        {open ? 'Hide' : 'Show'} {label} ({rows.length.toLocaleString('en-US')})
      </Button>
      <Collapse in={open} unmountOnExit>
        <TableContainer sx={{ maxHeight: 280, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table stickyHeader data-testid={testId}>
            <TableHead>
              <TableRow>{columns.map((c) => <TableCell key={c}>{c}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>{rows.slice(0, limit).map(renderRow)}</TableBody>
          </Table>
        </TableContainer>
        {rows.length > limit ? (
          <Typography variant="caption" color="text.secondary">Showing the first {limit} of {rows.length}.</Typography>
        ) : null}
      </Collapse>
    </Box>
  );
}
