/** Export the published week as an iCalendar file, for the whole club or one trainer; saved through a Blob link. */
import { useEffect, useState } from 'react';
import { Box, Button, Link, MenuItem, TextField } from '@mui/material';
import type { TrainerSetup } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';

interface Props { weekStart: string; trainers: Pick<TrainerSetup, 'id' | 'name'>[] }
interface Saved { url: string; fileName: string; events: number }

export function IcalExport({ weekStart, trainers }: Props) {
  const { showError } = useStudio();
  const [trainerId, setTrainerId] = useState('');
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => { if (saved) URL.revokeObjectURL(saved.url); }, [saved]);

  const exportFor = async (forTrainer: string | null) => {
    setBusy(true);
    try {
      const file = await api.schedule.ical({ weekStart, ...(forTrainer ? { trainerId: forTrainer } : {}) });
      const url = URL.createObjectURL(new Blob([file.content], { type: 'text/calendar;charset=utf-8' }));
      setSaved({ url, fileName: file.fileName, events: file.events });
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.click();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="ical-export">
      <Button size="small" variant="outlined" disabled={busy} onClick={() => exportFor(null)} data-testid="export-ical">Export iCal</Button>
      <TextField select size="small" label="Trainer" value={trainerId} onChange={(e) => setTrainerId(e.target.value)} sx={{ minWidth: 160 }}
        data-testid="ical-trainer">
        {trainers.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
      </TextField>
      <Button size="small" variant="outlined" disabled={busy || !trainerId} onClick={() => exportFor(trainerId)} data-testid="export-ical-trainer">
        Export for trainer
      </Button>
      {saved ? (
        <Link href={saved.url} download={saved.fileName} data-testid="ical-link" data-events={saved.events} variant="body2">
          {saved.fileName} ({saved.events} events)
        </Link>
      ) : null}
    </Box>
  );
}
