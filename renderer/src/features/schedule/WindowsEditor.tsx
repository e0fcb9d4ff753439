/** Edits a list of weekly windows (weekday, from, to): opening hours, availability, preferences. */
import { Box, Button, IconButton, MenuItem, TextField, Typography } from '@mui/material';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';
import { hhmm, parseHhmm, WEEKDAYS } from './time';

interface Props { label: string; windows: WeeklyWindow[]; onChange(windows: WeeklyWindow[]): void; testId: string }

export function WindowsEditor({ label, windows, onChange, testId }: Props) {
  const update = (i: number, patch: Partial<WeeklyWindow>) => onChange(windows.map((w, k) => (k === i ? { ...w, ...patch } : w)));
  const add = () => {
    const last = windows[windows.length - 1];
    onChange([...windows, last ? { ...last, weekday: Math.min(6, last.weekday + 1) } : { weekday: 0, startMin: 480, endMin: 1200 }]);
  };
  return (
    <Box data-testid={testId}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>{label}</Typography>
      {windows.map((w, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'center' }} data-testid={`${testId}-row`}>
          <TextField select size="small" label="Day" value={w.weekday} onChange={(e) => update(i, { weekday: Number(e.target.value) })}
            sx={{ width: 96 }} data-testid={`${testId}-day-${i}`}>
            {WEEKDAYS.map((d, k) => <MenuItem key={d} value={k}>{d}</MenuItem>)}
          </TextField>
          <TimeField label="From" minutes={w.startMin} onChange={(m) => update(i, { startMin: m })} testId={`${testId}-from-${i}`} />
          <TimeField label="To" minutes={w.endMin} onChange={(m) => update(i, { endMin: m })} testId={`${testId}-to-${i}`} />
          <IconButton size="small" aria-label="Remove" onClick={() => onChange(windows.filter((_, k) => k !== i))}>✕</IconButton>
        </Box>
      ))}
      <Button size="small" onClick={add} data-testid={`${testId}-add`}>Add time window</Button>
    </Box>
  );
}

function TimeField({ label, minutes, onChange, testId }: { label: string; minutes: number; onChange(m: number): void; testId: string }) {
  return (
    <TextField size="small" type="time" label={label} value={hhmm(Math.min(minutes, 1439))} sx={{ width: 150 }}
      onChange={(e) => { const m = parseHhmm(e.target.value); if (m !== null) onChange(m === 1439 ? 1440 : m); }}
      slotProps={{ htmlInput: { step: 300, 'data-testid': testId }, inputLabel: { shrink: true } }} />
  );
}
