/** Club setup for the class scheduler: rooms, class types, trainers, opening hours and settings (managers edit). */
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Button, LinearProgress, Paper, Typography } from '@mui/material';
import type { ClubSetup, ClubSetupView, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { studioErrorOf } from '../../errors';
import { formatDateTime, humanize } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { HistoryImportButton } from './HistoryImportButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SetupList } from './SetupList';
import { SetupSettings } from './SetupSettings';
import { OpeningHoursSection } from './OpeningHoursSection';
import {
  CLASS_TYPE_COLUMNS, CLASS_TYPE_FIELDS, NEW_CLASS_TYPE, NEW_ROOM, NEW_TRAINER, ROOM_COLUMNS, ROOM_FIELDS, TRAINER_COLUMNS,
  TRAINER_FIELDS, describeSetupField, errorItem,
} from './setup-specs';

interface SaveError { where: string | null; title: string; message: string; field?: string }

function setupOf(view: ClubSetupView): ClubSetup {
  const { rooms, classTypes, trainers, openingHours, slotMin, trainerGapMin, timezone, weights } = view;
  return { rooms, classTypes, trainers, openingHours, slotMin, trainerGapMin, timezone, weights };
}

const isEmpty = (s: ClubSetup) => s.rooms.length === 0 && s.classTypes.length === 0 && s.trainers.length === 0;

export function ClubSetupPage({ role }: { role: StaffRole | null }) {
  const { showError, showMessage } = useStudio();
  const club = useLoad(() => api.schedule.club({}), []);
  const [draft, setDraft] = useState<ClubSetup | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [confirmDemo, setConfirmDemo] = useState(false);
  const canEdit = role === 'manager';

  useEffect(() => { if (club.data) { setDraft(setupOf(club.data)); setDirty(false); } }, [club.data]);

  const change = (patch: Partial<ClubSetup>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setDirty(true);
  };

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setSaveError(null);
    try {
      club.set(await api.schedule.saveClub({ setup: draft }));
      showMessage('Club setup saved');
    } catch (err) {
      const e = studioErrorOf(err);
      if (!e) showError(err);
      else setSaveError({ where: e.field ? describeSetupField(e.field, draft) : null, title: humanize(e.reason), message: e.message, ...(e.field ? { field: e.field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const undoSave = async () => {
    setBusy(true);
    try {
      club.set(await api.schedule.undoClub({}));
      setSaveError(null);
      showMessage('The earlier club setup is back');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const loadDemo = async () => {
    setBusy(true);
    setConfirmDemo(false);
    try {
      club.set(await api.schedule.demoSetup({}));
      setSaveError(null);
      showMessage('Demo club loaded');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!draft || !club.data) return club.loading ? <LinearProgress /> : <Typography color="text.secondary">The club setup could not be loaded.</Typography>;
  const bad = errorItem(saveError?.field);
  const errorIndex = (list: string) => (bad?.list === list ? bad.index : null);
  const empty = isEmpty(setupOf(club.data));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="club-setup-page" data-empty={empty}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Club setup</Typography>
        {canEdit ? (
          <>
            <HistoryImportButton disabled={busy || empty || dirty} onImported={() => club.reload()} />
            <Button variant="outlined" disabled={busy} onClick={() => (empty ? void loadDemo() : setConfirmDemo(true))} data-testid="load-demo-club">Load demo club</Button>
            <Button color="inherit" disabled={dirty || busy || !club.data.canUndo} onClick={undoSave} data-testid="undo-setup"
              title="Restore the setup as it was before the last save, import or demo load">Undo last save</Button>
            <Button color="inherit" disabled={!dirty || busy} onClick={() => { setDraft(setupOf(club.data!)); setDirty(false); setSaveError(null); }}
              data-testid="discard-setup">Discard changes</Button>
            <Button variant="contained" disabled={!dirty || busy} onClick={save} data-testid="save-setup">Save setup</Button>
          </>
        ) : null}
      </Box>
      {busy ? <LinearProgress data-testid="setup-busy" /> : null}
      {!canEdit ? <Alert severity="info" data-testid="setup-read-only">Only a manager can change the club setup.</Alert> : null}
      {empty && canEdit ? <Alert severity="info" data-testid="setup-empty">The club is not set up yet: add rooms, class types and trainers, or load the demo club to try the scheduler.</Alert> : null}
      {saveError ? (
        <Alert severity="error" data-testid="setup-error" onClose={() => setSaveError(null)}>
          <AlertTitle>{saveError.where ? `${saveError.where}: ${saveError.title}` : saveError.title}</AlertTitle>
          {saveError.message}
        </Alert>
      ) : null}
      <Paper sx={{ p: 1.5 }}>
        <Typography variant="body2" data-testid="demand-source"><b>Demand predictions:</b> {club.data.demandSource}</Typography>
        <Typography variant="caption" color="text.secondary">
          {club.data.occupancyHours.toLocaleString('en-GB')} hours of occupancy counts · {club.data.attendanceRecords.toLocaleString('en-GB')} class attendance records
          · last saved {formatDateTime(club.data.updatedAt)}{dirty ? ' · unsaved changes' : ''}
        </Typography>
      </Paper>
      <SetupList title="Rooms" itemName="Room" testId="setup-rooms" items={draft.rooms} columns={ROOM_COLUMNS} fields={ROOM_FIELDS}
        blank={NEW_ROOM} canEdit={canEdit} errorIndex={errorIndex('rooms')} onChange={(rooms) => change({ rooms })} />
      <SetupList title="Class types" itemName="Class type" testId="setup-class-types" items={draft.classTypes} columns={CLASS_TYPE_COLUMNS}
        fields={CLASS_TYPE_FIELDS} blank={NEW_CLASS_TYPE} canEdit={canEdit} errorIndex={errorIndex('classTypes')} onChange={(classTypes) => change({ classTypes })} />
      <SetupList title="Trainers" itemName="Trainer" testId="setup-trainers" items={draft.trainers} columns={TRAINER_COLUMNS} fields={TRAINER_FIELDS}
        blank={NEW_TRAINER} canEdit={canEdit} errorIndex={errorIndex('trainers')} onChange={(trainers) => change({ trainers })} />
      <OpeningHoursSection hours={draft.openingHours} canEdit={canEdit} highlighted={bad?.list === 'openingHours'}
        onChange={(openingHours) => change({ openingHours })} />
      <SetupSettings settings={draft} canEdit={canEdit} onChange={change} />
      <ConfirmDialog open={confirmDemo} busy={busy} title="Replace the club with the demo club?"
        text="The rooms, class types, trainers and opening hours are replaced by a labelled demo club with generated history. The current setup is kept in the audit log."
        confirmLabel="Load demo club" onConfirm={loadDemo} onClose={() => setConfirmDemo(false)} />
    </Box>
  );
}
