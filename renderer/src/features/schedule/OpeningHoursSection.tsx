/** The club's opening hours: edited as time windows by a manager, a summary for everyone else. */
import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';
import { Section } from '../../components/Section';
import { WindowsEditor } from './WindowsEditor';
import { hhmm, WEEKDAYS } from './time';

interface Props { hours: WeeklyWindow[]; canEdit: boolean; onChange(hours: WeeklyWindow[]): void; highlighted: boolean }

export function OpeningHoursSection({ hours, canEdit, onChange, highlighted }: Props) {
  return (
    <Section title="Opening hours" testId="setup-hours">
      {canEdit ? (
        <WindowsEditor label="" windows={hours} onChange={onChange} testId="opening-hours" />
      ) : hours.length === 0 ? <Typography color="text.secondary" variant="body2">Not set.</Typography> : (
        <Table size="small" sx={highlighted ? { outline: '2px solid', outlineColor: 'error.main' } : undefined}>
          <TableBody>
            {WEEKDAYS.map((day, d) => {
              const open = hours.filter((w) => w.weekday === d).sort((a, b) => a.startMin - b.startMin);
              return (
                <TableRow key={day} data-testid="opening-hours-row">
                  <TableCell sx={{ width: 60 }}>{day}</TableCell>
                  <TableCell>{open.length ? open.map((w) => `${hhmm(w.startMin)}–${hhmm(w.endMin)}`).join(', ') : 'closed'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
