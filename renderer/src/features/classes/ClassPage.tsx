/** One class at the front desk: book (or waitlist), cancel, check in, places; trainers end it and write notes. */
import { useState } from 'react';
import { Box, Button, Chip, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import type { MemberSummary, OccurrenceDetail, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { BookingsTable } from './BookingsTable';
import { CheckInBox } from './CheckInBox';
import { clubDayTime, STATUS_LABEL } from './club-time';
import { MemberPicker } from './MemberPicker';
import { notificationsChanged } from './notifications-events';

function Header({ o }: { o: OccurrenceDetail }) {
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="h5" component="h2" data-testid="class-title">{o.className}, {clubDayTime(o.startsAt, o.timezone)}</Typography>
      <Typography variant="body2" color="text.secondary">{o.durationMin} min · {o.roomName} · {o.trainerName} · predicted {o.predicted?.toFixed(1) ?? '—'}</Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} data-testid="class-figures">
        <Chip label={STATUS_LABEL[o.status]} />
        <Chip color="primary" label={`${o.booked}/${o.capacity} booked`} data-testid="class-booked" />
        <Chip color="warning" label={`${o.waitlisted} waiting`} data-testid="class-waiting" />
        <Chip color="success" label={`${o.checkedIn} checked in`} data-testid="class-checked-in" />
      </Stack>
    </Box>
  );
}

export function ClassPage({ occurrenceId, role }: { occurrenceId: number; role: StaffRole }) {
  const { showError, showMessage } = useStudio();
  const loaded = useLoad(() => api.classes.occurrence({ occurrenceId }), [occurrenceId]);
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const [capacity, setCapacity] = useState('');
  const o = loaded.data;
  const run = async (what: () => Promise<{ message?: string } | unknown>) => {
    try {
      const r = await what();
      const message = (r as { message?: string } | null)?.message;
      if (message) showMessage(message);
      loaded.reload();
      notificationsChanged();
      return true;
    } catch (e) { showError(e); return false; }
  };
  if (!o) return loaded.loading ? <LinearProgress /> : null;
  const open = o.status === 'scheduled' || o.status === 'running';
  const coach = role !== 'front_desk';
  return (
    <Box data-testid="class-page">
      <Header o={o} />
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {open && (
          <Section title="Book" testId="book-section">
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <MemberPicker label="Member" value={member} onChange={setMember} testId="book-member" />
              <Button variant="contained" disabled={!member} data-testid="book-submit"
                onClick={() => member && run(() => api.classes.book({ occurrenceId, memberId: member.id })).then((ok) => ok && setMember(null))}>Book</Button>
              <Typography variant="caption" color="text.secondary">Full classes go to a first-come waitlist; a cancel more than {o.policy.cancelCutoffMin} min before the start promotes the next member.</Typography>
            </Box>
          </Section>
        )}
        {open && (
          <Section title="Check in" testId="check-in-section">
            <CheckInBox onCheckIn={(input) => run(() => api.classes.checkIn({ occurrenceId, ...input }))} />
          </Section>
        )}
        <Section title={`Members (${o.bookings.length})`} testId="members-section">
          <BookingsTable bookings={o.bookings} timezone={o.timezone} open={open}
            onCancel={(b, by) => void run(() => api.classes.cancel({ bookingId: b.id, by }))}
            onCheckIn={(b) => void run(() => api.classes.checkIn({ occurrenceId, memberId: b.memberId }))} />
        </Section>
        {coach && (
          <Section title="Trainer" testId="trainer-section">
            <Stack spacing={1}>
              <TextField multiline minRows={2} size="small" label="Trainer's notes" value={notes ?? o.trainerNotes} onChange={(e) => setNotes(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'class-notes', maxLength: 4000 } }} />
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                <Button onClick={() => run(() => api.classes.notes({ occurrenceId, notes: notes ?? o.trainerNotes }))} data-testid="save-notes">Save notes</Button>
                {open && <Button variant="contained" color="secondary" data-testid="end-class"
                  onClick={() => run(() => api.classes.end({ occurrenceId, ...(notes === null ? {} : { notes }) })).then((ok) => ok && navigate({ page: 'summary', occurrenceId }))}>End class</Button>}
                {open && <Button variant="outlined" onClick={() => navigate({ page: 'live', occurrenceId })} data-testid="open-live">Live monitor</Button>}
                {o.hasSummary && <Button variant="outlined" onClick={() => navigate({ page: 'summary', occurrenceId })} data-testid="open-summary">Summary</Button>}
                {role === 'manager' && open && (<>
                  <TextField size="small" type="number" label="Places" value={capacity || String(o.capacity)} onChange={(e) => setCapacity(e.target.value)} sx={{ width: 100 }}
                    slotProps={{ htmlInput: { 'data-testid': 'class-capacity', min: 1, max: 1000 } }} />
                  <Button onClick={() => run(() => api.classes.setCapacity({ occurrenceId, capacity: Number(capacity || o.capacity) }))} data-testid="save-capacity">Set places</Button>
                </>)}
              </Box>
            </Stack>
          </Section>
        )}
      </Box>
    </Box>
  );
}
