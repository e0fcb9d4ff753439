/** One list of the club setup (rooms, class types, trainers) as a table with add, edit and delete. */
import type { ReactNode } from 'react';
import { Box, Button, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Section } from '../../components/Section';

export interface Column<T> { label: string; render(item: T): ReactNode; align?: 'right' }

interface Props<T extends { id: string }> {
  title: string;
  testId: string;
  items: T[];
  columns: Column<T>[];
  canEdit: boolean;
  /** Index of the item a save error is about, highlighted. */
  errorIndex: number | null;
  onAdd(): void;
  onEdit(index: number): void;
  onDelete(index: number): void;
}

export function SetupTable<T extends { id: string }>({ title, testId, items, columns, canEdit, errorIndex, onAdd, onEdit, onDelete }: Props<T>) {
  return (
    <Section title={`${title} (${items.length})`} testId={testId}
      actions={canEdit ? <Button size="small" onClick={onAdd} data-testid={`${testId}-add`}>Add</Button> : null}>
      {items.length === 0 ? <Typography color="text.secondary" variant="body2">None yet.</Typography> : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {columns.map((c) => <TableCell key={c.label} align={c.align}>{c.label}</TableCell>)}
                {canEdit ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item, i) => (
                <TableRow key={`${item.id}-${i}`} data-testid={`${testId}-row`} data-id={item.id} selected={errorIndex === i}
                  sx={errorIndex === i ? { outline: '2px solid', outlineColor: 'error.main' } : undefined}>
                  {columns.map((c) => <TableCell key={c.label} align={c.align}>{c.render(item)}</TableCell>)}
                  {canEdit ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => onEdit(i)} data-testid={`${testId}-edit`}>Edit</Button>
                      <IconButton size="small" aria-label={`Delete ${item.id}`} onClick={() => onDelete(i)} data-testid={`${testId}-delete`}>✕</IconButton>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Section>
  );
}
