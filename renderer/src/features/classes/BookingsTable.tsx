/** A class's members: places first, then the waitlist in order, then cancelled ones; cancel and check-in per row. */
import { Button, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { BookingView } from '../../../../main/contract/index';
import { clubClock, STATUS_LABEL } from './club-time';

interface Props {
  bookings: BookingView[];
  timezone: string;
  open: boolean;
  onCancel(b: BookingView, by: 'member' | 'studio'): void;
  onCheckIn(b: BookingView): void;
}

const COLORS: Record<string, 'success' | 'primary' | 'warning' | 'default' | 'error'> = {
  checked_in: 'success', booked: 'primary', waitlisted: 'warning', no_show: 'error', late_cancelled: 'default', cancelled: 'default',
};

export function BookingsTable({ bookings, timezone, open, onCancel, onCheckIn }: Props) {
  return (
    <Table size="small" data-testid="bookings-table">
      <TableHead>
        <TableRow><TableCell>Member</TableCell><TableCell>Status</TableCell><TableCell>Since</TableCell><TableCell align="right">Actions</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {bookings.map((b) => (
          <TableRow key={b.id} data-testid={`booking-${b.memberName}`}>
            <TableCell>{b.memberName}{b.walkIn ? ' (walk-in)' : ''}</TableCell>
            <TableCell>
              <Chip size="small" color={COLORS[b.status]} data-testid="booking-status"
                label={b.status === 'waitlisted' ? `waitlist #${b.waitlistPosition}` : STATUS_LABEL[b.status]} />
              {b.promotedAt && b.status !== 'waitlisted' && <Chip size="small" variant="outlined" label="from waitlist" sx={{ ml: 0.5 }} />}
            </TableCell>
            <TableCell>{clubClock(b.checkedInAt ?? b.cancelledAt ?? b.queuedAt, timezone)}</TableCell>
            <TableCell align="right">
              {open && (b.status === 'booked' || b.status === 'waitlisted' || b.status === 'no_show') && (
                <Button size="small" onClick={() => onCheckIn(b)} data-testid="booking-check-in">Check in</Button>
              )}
              {open && (b.status === 'booked' || b.status === 'waitlisted') && (<>
                <Button size="small" onClick={() => onCancel(b, 'member')} data-testid="booking-cancel">Cancel</Button>
                <Button size="small" color="inherit" onClick={() => onCancel(b, 'studio')} title="Cancelled by the studio: never counted as late">Studio cancel</Button>
              </>)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
