/** "How do you feel today?": a check-in (1–10 each; fatigue and soreness: 10 is worst) and pain, sent like every other change. */
import { useState } from 'react';
import { Button, Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import type { MemberApp } from './use-member';

const FIELDS = [['sleep', 'Sleep'], ['fatigue', 'Fatigue'], ['soreness', 'Soreness'], ['energy', 'Energy']] as const;

export function CheckInCard({ app }: { app: MemberApp }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ sleep: 7, fatigue: 4, soreness: 4, energy: 7 });
  const [pain, setPain] = useState(false);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  if (sent) return <Typography color="success.main">Check-in saved. Your trainer sees it after the next sync.</Typography>;
  if (!open) return <Button variant="outlined" onClick={() => setOpen(true)}>How do you feel today?</Button>;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1}>
          {FIELDS.map(([k, label]) => (
            <Stack key={k} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ width: 90 }}>{label}</Typography>
              {[1, 3, 5, 7, 9, 10].map((v) => (
                <Button key={v} size="small" variant={values[k] === v ? 'contained' : 'outlined'} sx={{ minWidth: 40 }} onClick={() => setValues({ ...values, [k]: v })}>{v}</Button>
              ))}
            </Stack>
          ))}
          <FormControlLabel control={<Switch checked={pain} onChange={(e) => setPain(e.target.checked)} />} label="Something hurts" />
          {pain && <TextField placeholder="Where, and how bad?" value={note} onChange={(e) => setNote(e.target.value)} />}
          <Button variant="contained" onClick={() => void app.record('checkin', { at: new Date().toISOString(), ...values, painReported: pain, painNote: pain ? note.slice(0, 500) || null : null, illness: false }).then(() => setSent(true))}>Save check-in</Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
