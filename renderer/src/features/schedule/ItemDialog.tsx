/** Add or edit one item of the club setup (a room, class type or trainer) from a list of field specs. */
import { useEffect, useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';
import { WindowsEditor } from './WindowsEditor';

export type FieldKind = 'text' | 'number' | 'list' | 'color' | 'windows';
export interface FieldSpec<T> { key: keyof T & string; label: string; kind: FieldKind; help?: string; step?: number; onlyOnAdd?: boolean }

interface Props<T> {
  open: boolean;
  title: string;
  item: T | null;
  fields: FieldSpec<T>[];
  adding: boolean;
  testId: string;
  onSave(item: T): void;
  onClose(): void;
}

type Values = Record<string, string | WeeklyWindow[]>;

function toValues<T>(item: T, fields: FieldSpec<T>[]): Values {
  const values: Values = {};
  for (const f of fields) {
    const v = item[f.key] as unknown;
    values[f.key] = f.kind === 'windows' ? (v as WeeklyWindow[]) : f.kind === 'list' ? (v as string[]).join(', ') : String(v ?? '');
  }
  return values;
}

function fromValues<T>(item: T, fields: FieldSpec<T>[], values: Values): T {
  const out = { ...item } as Record<string, unknown>;
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'windows') out[f.key] = v;
    else if (f.kind === 'list') out[f.key] = String(v).split(',').map((s) => s.trim()).filter(Boolean);
    else if (f.kind === 'number') out[f.key] = String(v).trim() === '' ? NaN : Number(v);
    else out[f.key] = String(v).trim();
  }
  return out as T;
}

export function ItemDialog<T>({ open, title, item, fields, adding, testId, onSave, onClose }: Props<T>) {
  const [values, setValues] = useState<Values>({});
  useEffect(() => { if (open && item) setValues(toValues(item, fields)); }, [open, item, fields]);
  if (!item) return null;
  const set = (key: string, v: string | WeeklyWindow[]) => setValues((old) => ({ ...old, [key]: v }));
  const missingNumber = fields.some((f) => f.kind === 'number' && !Number.isFinite(Number(values[f.key])));
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          {fields.map((f) => (f.kind === 'windows' ? (
            <WindowsEditor key={f.key} label={f.label} windows={(values[f.key] as WeeklyWindow[] | undefined) ?? []}
              onChange={(w) => set(f.key, w)} testId={`field-${f.key}`} />
          ) : (
            <TextField key={f.key} size="small" label={f.label} helperText={f.help}
              type={f.kind === 'number' ? 'number' : f.kind === 'color' ? 'color' : 'text'}
              disabled={f.onlyOnAdd === true && !adding}
              value={(values[f.key] as string | undefined) ?? ''} onChange={(e) => set(f.key, e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': `field-${f.key}`, step: f.step }, inputLabel: { shrink: true } }} />
          )))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={missingNumber} onClick={() => onSave(fromValues(item, fields, values))} data-testid="item-dialog-save">
          {adding ? 'Add' : 'Apply'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
