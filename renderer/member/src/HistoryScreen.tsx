/** Every set on this phone and synced from the studio, newest first, by day. */
import { Stack, Typography } from '@mui/material';
import { kgToUnit } from '../../../engine/units/convert';
import type { MemberApp } from './use-member';

export function HistoryScreen({ app }: { app: MemberApp }) {
  const unit = app.state?.member?.preferredUnit ?? 'kg';
  const names = new Map((app.state?.plan?.sessions ?? []).flatMap((s) => s.prescriptions.map((p) => [p.exerciseId, p.exerciseName] as const)));
  const logs = Object.values(app.state?.logs ?? {}).filter((l) => !l.voided).sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  if (logs.length === 0) return <Typography sx={{ p: 2 }}>No sets logged yet.</Typography>;
  const days = [...new Set(logs.map((l) => l.performedAt.slice(0, 10)))];
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {days.map((d) => (
        <Stack key={d} spacing={0.5}>
          <Typography variant="h6">{d}</Typography>
          {logs.filter((l) => l.performedAt.startsWith(d)).map((l) => (
            <Typography key={l.logId} data-testid="history-set">
              {names.get(l.exerciseId) ?? l.exerciseId}: {Math.round(kgToUnit(l.loadKg, unit) * 10) / 10} {unit} × {l.reps}{l.pending ? ' · waiting to sync' : ''}{l.note ? ` · ${l.note}` : ''}
            </Typography>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
