/** A member's class bookings from yesterday on (member page), each opening its class. */
import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { navigate } from '../../router';
import { useLoad } from '../../use-load';
import { clubDayTime, STATUS_LABEL } from './club-time';

export function MemberBookings({ memberId }: { memberId: number }) {
  const loaded = useLoad(() => api.classes.memberBookings({ memberId }), [memberId]);
  const list = loaded.data ?? [];
  return (
    <Section title="Classes" testId="member-bookings">
      {list.length === 0 ? <Typography variant="body2" color="text.secondary">No class bookings from today on.</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>Class</TableCell><TableCell>When</TableCell><TableCell>Room</TableCell><TableCell>Status</TableCell></TableRow></TableHead>
          <TableBody>{list.map((b) => (
            <TableRow key={b.id}>
              <TableCell><Link component="button" onClick={() => navigate({ page: 'class', occurrenceId: b.occurrenceId })}>{b.className}</Link></TableCell>
              <TableCell>{clubDayTime(b.startsAt, b.timezone)}</TableCell><TableCell>{b.roomName}</TableCell>
              <TableCell>{b.status === 'waitlisted' ? `waitlist #${b.waitlistPosition}` : STATUS_LABEL[b.status]}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Section>
  );
}
