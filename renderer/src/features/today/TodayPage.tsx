/** The trainer's Today: today's classes, finished classes' summaries, plans and reviews waiting, members not training. */
import { Box, Link, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { navigate } from '../../router';
import { useLoad } from '../../use-load';
import { ClassCard } from '../classes/ClassesPage';
import { clubClock } from '../classes/club-time';

export function TodayPage() {
  const loaded = useLoad(() => api.classes.today({}), []);
  const t = loaded.data;
  if (!t) return loaded.loading ? <LinearProgress /> : null;
  return (
    <Box data-testid="today-page">
      <Typography variant="h5" component="h2" sx={{ mb: 1.5 }}>Today, {t.date}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 1.5 }}>
        <Section title={`Classes (${t.classes.length})`} testId="today-classes">
          {t.classes.length === 0 && <Typography color="text.secondary" variant="body2">No classes today.</Typography>}
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1 }}>{t.classes.map((o) => <ClassCard key={o.id} o={o} />)}</Box>
        </Section>
        <Section title="Finished classes" testId="today-summaries">
          {t.summaries.length === 0 && <Typography color="text.secondary" variant="body2">No class has finished today yet.</Typography>}
          <List dense>
            {t.summaries.map((s) => (
              <ListItem key={s.occurrenceId} disableGutters>
                <ListItemText
                  primary={<Link component="button" onClick={() => navigate({ page: 'summary', occurrenceId: s.occurrenceId })} data-testid={`today-summary-${s.occurrenceId}`}>{clubClock(s.startsAt, t.timezone)} {s.className}</Link>}
                  secondary={`engagement ${s.engagement}/100 · ${s.checkedIn} of ${s.booked} booked came · predicted ${s.predicted ?? '—'}`} />
              </ListItem>
            ))}
          </List>
        </Section>
        <Section title={`Plans to approve (${t.pendingPlans.length})`} testId="today-plans">
          <List dense>{t.pendingPlans.map((p) => (
            <ListItem key={p.planId} disableGutters><ListItemText primary={<Link component="button" onClick={() => navigate({ page: 'plan', planId: p.planId })}>{p.memberName}: {p.name}</Link>} /></ListItem>
          ))}</List>
        </Section>
        <Section title={`Weekly-review proposals (${t.pendingReviews.length})`} testId="today-reviews">
          <List dense>{t.pendingReviews.map((r) => (
            <ListItem key={r.adjustmentId} disableGutters><ListItemText primary={<Link component="button" onClick={() => navigate({ page: 'weekly', adjustmentId: r.adjustmentId })}>{r.memberName}, week {r.week}</Link>} /></ListItem>
          ))}</List>
        </Section>
        <Section title={`Not trained for ${t.inactiveDays}+ days (${t.inactiveMembers.length})`} testId="today-inactive">
          <List dense>{t.inactiveMembers.slice(0, 30).map((m) => (
            <ListItem key={m.memberId} disableGutters>
              <ListItemText primary={<Link component="button" onClick={() => navigate({ page: 'member', memberId: m.memberId })}>{m.name}</Link>}
                secondary={m.days === null ? 'never trained here' : `${m.days} days since ${m.lastTrainedAt?.slice(0, 10)}`} />
            </ListItem>
          ))}</List>
        </Section>
      </Box>
    </Box>
  );
}
