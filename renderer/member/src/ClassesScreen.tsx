/** The published timetable for the next two weeks; booking works offline (a full class puts you on the waitlist). */
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { MemberApp } from './use-member';

export function ClassesScreen({ app }: { app: MemberApp }) {
  const classes = (app.state?.timetable ?? []).filter((c) => c.status !== 'cancelled' && c.endsAt > new Date().toISOString());
  const bookings = new Map((app.state?.bookings ?? []).filter((b) => ['booked', 'waitlisted', 'checked_in'].includes(b.status)).map((b) => [b.occurrenceId, b]));
  const pending = new Set<number>();
  if (classes.length === 0) return <Typography sx={{ p: 2 }}>No classes published for the next two weeks.</Typography>;
  return (
    <Stack spacing={1.5} sx={{ p: 1.5 }}>
      {(app.state?.messages ?? []).slice(-2).map((m, i) => <Typography key={i} color="primary">{m}</Typography>)}
      {classes.map((c) => {
        const b = bookings.get(c.occurrenceId);
        return (
          <Card key={c.occurrenceId} variant="outlined">
            <CardContent>
              <Typography variant="h6">{c.className}</Typography>
              <Typography>{new Date(c.startsAt).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} · {c.booked}/{c.capacity} booked</Typography>
              {b ? <Typography color="success.main">{b.status === 'waitlisted' ? `On the waitlist (number ${b.waitlistPosition ?? '?'})` : 'Booked'}</Typography>
                : <Button variant="contained" sx={{ mt: 1 }} disabled={pending.has(c.occurrenceId)} onClick={() => void app.record('booking.book', { occurrenceId: c.occurrenceId })}>Book</Button>}
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}
