/** Today's session from the approved plan: each exercise with its prescription, the sets logged, one tap to log the next. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, IconButton, Stack, TextField, Typography } from '@mui/material';
import { ulid } from 'ulid';
import type { LocalLog } from '../../../engine/sync/client';
import type { PulledPlan } from '../../../engine/sync/pull';
import { todaysSession } from '../../../engine/sync/today';
import { kgToUnit, unitToKg } from '../../../engine/units/convert';
import type { MemberApp } from './use-member';
import { CheckInCard } from './CheckInCard';

type Session = PulledPlan['sessions'][number];
type Prescription = Session['prescriptions'][number];
type Unit = 'kg' | 'lb';

const today = () => new Date().toISOString().slice(0, 10);
const round = (v: number, unit: Unit) => (unit === 'kg' ? Math.round(v * 4) / 4 : Math.round(v * 2) / 2);
const shown = (kg: number | null, unit: Unit) => (kg === null ? 'find your load' : `${round(kgToUnit(kg, unit), unit)} ${unit}`);

function RestTimer({ until, onDone }: { until: number; onDone(): void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => { if (left === 0) onDone(); }, [left, onDone]);
  return (
    <Alert severity="info" data-testid="rest-timer" action={<Button color="inherit" onClick={onDone}>Skip</Button>} sx={{ position: 'sticky', top: 0, zIndex: 2, fontSize: '1.2rem' }}>
      Rest {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}
    </Alert>
  );
}

function Stepper({ label, value, step, onChange, testId }: { label: string; value: number; step: number; onChange(v: number): void; testId: string }) {
  return (
    <Stack spacing={0.5} sx={{ flex: '1 1 160px', alignItems: 'center' }}>
      <Typography variant="caption">{label}</Typography>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <IconButton aria-label={`less ${label}`} onClick={() => onChange(Math.max(0, value - step))}>−</IconButton>
        <TextField value={String(value)} onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) onChange(v); }}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId, style: { textAlign: 'center', fontSize: '1.3rem', width: 56 } } }} />
        <IconButton aria-label={`more ${label}`} onClick={() => onChange(value + step)}>+</IconButton>
      </Stack>
    </Stack>
  );
}

function ExerciseCard({ p, session, logs, unit, onLog }: { p: Prescription; session: Session; logs: LocalLog[]; unit: Unit; onLog(p: Prescription, v: { load: number; reps: number; rir: number; note: string }): Promise<void> }) {
  const mine = logs.filter((l) => l.prescriptionId === p.id && !l.voided).sort((a, b) => a.setNumber - b.setNumber);
  const [load, setLoad] = useState(p.loadKg === null ? 0 : round(kgToUnit(p.loadKg, unit), unit));
  const [reps, setReps] = useState(p.repMax);
  const [rir, setRir] = useState(p.targetRir);
  const [note, setNote] = useState('');
  const done = mine.length >= p.sets;
  return (
    <Card variant="outlined" data-testid="exercise-card" data-prescription={p.id}>
      <CardContent>
        <Typography variant="h6">{p.exerciseName}</Typography>
        <Typography data-testid="prescription">{p.sets} × {p.repMin === p.repMax ? p.repMax : `${p.repMin}–${p.repMax}`} · {shown(p.loadKg, unit)} · RIR {p.targetRir} · rest {p.restS} s</Typography>
        {mine.map((l) => (
          <Typography key={l.logId} data-testid="logged-set" color={l.pending ? 'text.secondary' : 'success.main'}>
            ✓ Set {l.setNumber}: {shown(l.loadKg, unit)} × {l.reps}{l.rir !== null ? ` @ RIR ${l.rir}` : ''}{l.pending ? ' (not sent yet)' : ''}
          </Typography>
        ))}
        {!done && (
          <Box sx={{ mt: 1 }}>
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
              <Stepper label={unit} value={load} step={unit === 'kg' ? 2.5 : 5} onChange={setLoad} testId="input-load" />
              <Stepper label="reps" value={reps} step={1} onChange={setReps} testId="input-reps" />
              <Stepper label="RIR" value={rir} step={1} onChange={setRir} testId="input-rir" />
            </Stack>
            <TextField fullWidth placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} sx={{ mt: 1 }} />
            <Button fullWidth variant="contained" color="success" sx={{ mt: 1 }} data-testid="log-set" onClick={() => void onLog(p, { load, reps, rir, note }).then(() => setNote(''))}>
              ✓ Log set {mine.length + 1} of {p.sets}
            </Button>
          </Box>
        )}
        {done && <Typography color="success.main" sx={{ fontWeight: 700 }}>Done for today in {session.name}</Typography>}
      </CardContent>
    </Card>
  );
}

export function TodayScreen({ app }: { app: MemberApp }) {
  const st = app.state;
  const [restUntil, setRestUntil] = useState<number | null>(null);
  const logs = useMemo(() => Object.values(st?.logs ?? {}), [st]);
  if (!st?.plan) return <Typography sx={{ p: 2 }} data-testid="no-plan">{st?.lastSyncAt ? 'Your trainer has not approved a plan yet.' : 'Fetching your plan from the studio…'}</Typography>;
  const unit: Unit = st.member?.preferredUnit ?? 'kg';
  const session = todaysSession(st.plan, logs, today());
  if (!session) return <Typography sx={{ p: 2 }}>No session planned this week.</Typography>;
  const todays = logs.filter((l) => l.planSessionId === session.id && l.performedAt.slice(0, 10) === today());
  const onLog = async (p: Prescription, v: { load: number; reps: number; rir: number; note: string }) => {
    let sessionId = todays[0]?.sessionId;
    if (!sessionId) {
      sessionId = ulid();
      await app.record('session.start', { sessionId, planSessionId: session.id, name: session.name, startedAt: new Date().toISOString() });
    }
    const n = todays.filter((l) => l.prescriptionId === p.id && !l.voided).length + 1;
    await app.record('set.log', {
      logId: ulid(), sessionId, planSessionId: session.id, prescriptionId: p.id, exerciseId: p.exerciseId, setNumber: n,
      loadKg: Math.round(unitToKg(v.load, unit) * 1000) / 1000, reps: Math.round(v.reps), rir: v.rir, note: v.note.slice(0, 500), performedAt: new Date().toISOString(),
    });
    setRestUntil(Date.now() + p.restS * 1000);
  };
  const finish = async () => {
    const sessionId = todays[0]?.sessionId;
    if (sessionId) await app.record('session.finish', { sessionId, finishedAt: new Date().toISOString() });
  };
  return (
    <Stack spacing={1.5} sx={{ p: 1.5 }}>
      {restUntil && <RestTimer until={restUntil} onDone={() => setRestUntil(null)} />}
      <Typography variant="h5" data-testid="session-name">{session.name}</Typography>
      <Typography color="text.secondary">Week {session.week} of {st.plan.name} · about {session.estimatedMinutes} min</Typography>
      <CheckInCard app={app} />
      {session.prescriptions.map((p) => <ExerciseCard key={p.id} p={p} session={session} logs={todays} unit={unit} onLog={onLog} />)}
      {todays.length > 0 && <Button variant="outlined" onClick={() => void finish()}>Finish session</Button>}
    </Stack>
  );
}
