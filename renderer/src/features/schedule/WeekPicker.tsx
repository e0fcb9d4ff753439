/** Picks the scheduled week by its Monday: previous/next buttons and a date field (any day picks its week). */
import { Box, Button, TextField } from '@mui/material';
import { addDays, isMonday, mondayOf } from './time';

export function WeekPicker({ week, onChange }: { week: string; onChange(week: string): void }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Button size="small" onClick={() => onChange(addDays(week, -7))} aria-label="Previous week" data-testid="week-prev">‹</Button>
      <TextField size="small" type="date" label="Week of (Monday)" value={week} sx={{ width: 170 }}
        onChange={(e) => { const v = e.target.value; if (/^\d{4}-\d{2}-\d{2}$/.test(v)) onChange(isMonday(v) ? v : mondayOf(v)); }}
        slotProps={{ htmlInput: { 'data-testid': 'week-input', step: 7 }, inputLabel: { shrink: true } }} />
      <Button size="small" onClick={() => onChange(addDays(week, 7))} aria-label="Next week" data-testid="week-next">›</Button>
    </Box>
  );
}
