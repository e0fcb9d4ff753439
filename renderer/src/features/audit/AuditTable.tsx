/** Audit entries, newest first: time, person, action, entity, via; a row opens to its before/after. */
import { Fragment, useState } from 'react';
import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { AuditEntry } from '../../../../main/contract/index';
import { formatDateTime } from '../../format';
import { roleLabel } from '../auth/roles';

function Json({ label, value, testId }: { label: string; value: unknown; testId: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Box component="pre" data-testid={testId}
        sx={{ m: 0, p: 1, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Box>
    </Box>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table data-testid="audit-table">
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell><TableCell>Person</TableCell><TableCell>Action</TableCell><TableCell>Entity</TableCell>
          <TableCell>Via</TableCell><TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => {
          const hasDetails = e.before !== null || e.after !== null;
          return (
            <Fragment key={e.id}>
              <TableRow hover data-testid="audit-row" data-action={e.action} data-id={e.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                <TableCell data-testid="audit-person">{e.actor ? `${e.actor.name} · ${roleLabel(e.actor.role)}` : '—'}</TableCell>
                <TableCell><Chip label={e.action} variant="outlined" data-testid="audit-action" /></TableCell>
                <TableCell>{e.entity} {e.entityId ? <Typography component="span" variant="caption" color="text.secondary">#{e.entityId}</Typography> : null}</TableCell>
                <TableCell>{e.via ?? '—'}</TableCell>
                <TableCell align="right">
                  {hasDetails ? (
                    <Button size="small" onClick={() => setOpen(open === e.id ? null : e.id)} data-testid="audit-expand" aria-expanded={open === e.id}>
                      {open === e.id ? 'Hide' : 'Before / after'}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
              {open === e.id ? (
                <TableRow data-testid="audit-details">
                  <TableCell colSpan={6}>
                    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
                      <Json label="Before" value={e.before} testId="audit-before" />
                      <Json label="After" value={e.after} testId="audit-after" />
                    </Box>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
        {entries.length === 0 ? (
          <TableRow><TableCell colSpan={6} sx={{ color: 'text.secondary', textAlign: 'center', py: 3 }}>No entries match.</TableCell></TableRow>
        ) : null}
      </TableBody>
    </Table>
  );
}
