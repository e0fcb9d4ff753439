/**
 * "Import history": a CSV of the club's past classes (bookings, attendance, waitlist; header with
 * `class_type`) or of hourly occupancy counts / a card-swipe log. Told apart by the header, sent to
 * `schedule/import-attendance` or `schedule/import-occupancy`; the new demand source is reported.
 */
import { useState } from 'react';
import { Button } from '@mui/material';
import { api } from '../../api';
import { useStudio } from '../../studio-context';

export function HistoryImportButton({ disabled, onImported }: { disabled: boolean; onImported(): void }) {
  const { showError, showMessage } = useStudio();
  const [busy, setBusy] = useState(false);
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const content = await file.text();
      const header = content.slice(0, content.indexOf('\n') >>> 0).toLowerCase();
      if (header.includes('class_type')) {
        const r = await api.schedule.importAttendance({ fileName: file.name, content });
        showMessage(`${r.records} classes imported (${r.replaced} replaced), ${r.from} to ${r.to}`);
      } else {
        const r = await api.schedule.importOccupancy({ fileName: file.name, content });
        showMessage(`${r.hours.toLocaleString('en-GB')} hours of occupancy imported (${r.from} to ${r.to})${r.rejected ? `, ${r.rejected} lines rejected` : ''}`);
      }
      onImported();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" component="label" disabled={disabled || busy} data-testid="import-history"
      title="A CSV of past classes (date,class_type,start,room,capacity,booked,attended,waitlisted) or hourly occupancy counts">
      Import history
      <input hidden type="file" accept=".csv,text/csv" data-testid="import-history-file"
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
    </Button>
  );
}
