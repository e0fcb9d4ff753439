/** The published week's classes, day by day, with places, waitlists and check-ins; a class opens its front-desk page. */
import { Box, Card, CardActionArea, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { OccurrenceView } from '../../../../main/contract/index';
import { api } from '../../api';
import { navigate } from '../../router';
import { useLoad } from '../../use-load';
import { WeekPicker } from '../schedule/WeekPicker';
import { clubClock, clubDay, STATUS_LABEL } from './club-time';

export function ClassCard({ o }: { o: OccurrenceView }) {
  return (
    <Card variant="outlined" sx={{ borderLeft: `4px solid ${o.color}` }} data-testid={`class-card-${o.id}`}>
      <CardActionArea onClick={() => navigate({ page: 'class', occurrenceId: o.id })}>
        <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
          <Typography variant="subtitle2">{clubClock(o.startsAt, o.timezone)} {o.className}</Typography>
          <Typography variant="caption" color="text.secondary" component="div">{o.roomName} · {o.trainerName}</Typography>
          <Typography variant="body2" data-testid="class-card-figures">
            {o.booked}/{o.capacity} booked{o.waitlisted ? ` · ${o.waitlisted} waiting` : ''}{o.checkedIn ? ` · ${o.checkedIn} in` : ''}
          </Typography>
          {o.status !== 'scheduled' && <Chip size="small" label={STATUS_LABEL[o.status]} color={o.status === 'running' ? 'success' : 'default'} sx={{ mt: 0.5 }} />}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

export function ClassesPage() {
  const [week, setWeek] = useState<string | undefined>(undefined);
  const loaded = useLoad(() => api.classes.week(week ? { weekStart: week } : {}), [week]);
  const w = loaded.data;
  const days = new Map<string, OccurrenceView[]>();
  for (const o of w?.classes ?? []) (days.get(o.date) ?? days.set(o.date, []).get(o.date)!).push(o);
  return (
    <Box data-testid="classes-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Classes</Typography>
        {w && <Typography variant="body2" color="text.secondary">Club time {clubDay(w.now, w.timezone)}, {clubClock(w.now, w.timezone)} ({w.timezone})</Typography>}
        {w && <WeekPicker week={w.weekStart} onChange={setWeek} />}
      </Box>
      {loaded.loading && <LinearProgress />}
      {w && w.classes.length === 0 && <Typography color="text.secondary">No published classes this week. Publish a week on Schedule.</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }}>
        {[...days].map(([date, list]) => (
          <Stack key={date} spacing={1} data-testid={`class-day-${date}`}>
            <Typography variant="subtitle2" sx={{ fontWeight: date === w?.today ? 700 : 500 }}>{clubDay(list[0]!.startsAt, list[0]!.timezone)}{date === w?.today ? ' (today)' : ''}</Typography>
            {list.map((o) => <ClassCard key={o.id} o={o} />)}
          </Stack>
        ))}
      </Box>
    </Box>
  );
}
