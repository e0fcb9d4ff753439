/** One scenario: its toolbar, the week board (drag to move, with the host's refusal shown), class details and summary. */
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, LinearProgress, Paper } from '@mui/material';
import type { ScenarioSummary, ScenarioView, ScheduledClassView } from '../../../../main/contract/index';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';
import { api } from '../../api';
import { studioErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ClassDetailsDialog } from './ClassDetailsDialog';
import { PublishDialog } from './PublishDialog';
import { ScenarioSummary as Summary } from './ScenarioSummary';
import { ScenarioToolbar } from './ScenarioToolbar';
import { WeekBoard, type MoveTarget } from './WeekBoard';

interface Props {
  scenarioId: number;
  version: number;
  openingHours: WeeklyWindow[];
  slotMin: number;
  canEdit: boolean;
  published: ScenarioSummary | null;
  onWeek(weekStart: string): void;
  onChanged(): void;
  onSelect(id: number | null): void;
}

export function ScenarioPanel({ scenarioId, version, openingHours, slotMin, canEdit, published, onWeek, onChanged, onSelect }: Props) {
  const { showError, showMessage } = useStudio();
  const scenario = useLoad(() => api.schedule.scenario({ scenarioId }), [scenarioId, version]);
  const [refusal, setRefusal] = useState<{ title: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [details, setDetails] = useState<ScheduledClassView | null>(null);
  const [dialog, setDialog] = useState<'publish' | 'delete' | null>(null);
  const s = scenario.data;

  useEffect(() => { if (s) onWeek(s.weekStart); }, [s?.weekStart]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setRefusal(null), [scenarioId]);

  const act = async (work: () => Promise<ScenarioView | null>, done?: string) => {
    setBusy(true);
    try {
      const view = await work();
      if (view) scenario.set(view);
      if (done) showMessage(done);
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const move = async (cls: ScheduledClassView, to: MoveTarget & { trainerId?: string }) => {
    setDetails(null);
    setBusy(true);
    setRefusal(null);
    try {
      scenario.set(await api.schedule.moveClass({ scenarioId, classIndex: cls.index, ...to }));
      onChanged();
    } catch (err) {
      const e = studioErrorOf(err);
      if (e) setRefusal({ title: e.reason === 'conflict' ? 'it would break a rule' : e.reason.replace(/_/g, ' '), text: e.message });
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!s) return scenario.loading ? <LinearProgress /> : null;
  const editable = canEdit && s.status === 'draft';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="scenario-panel" data-scenario-id={s.id} data-status={s.status}>
      <Paper sx={{ p: 1.5 }}>
        <ScenarioToolbar scenario={s} canEdit={canEdit} busy={busy}
          onUndo={() => act(() => api.schedule.undo({ scenarioId }), 'Last change undone')}
          onPublish={() => setDialog('publish')}
          onDuplicate={() => act(async () => { const copy = await api.schedule.duplicate({ scenarioId, name: `${s.name} (copy)` }); onSelect(copy.id); return null; }, 'Copied into a new draft')}
          onDelete={() => setDialog('delete')} />
        {busy ? <LinearProgress sx={{ mt: 1 }} data-testid="board-busy" /> : null}
        {refusal ? (
          <Alert severity="error" sx={{ mt: 1 }} onClose={() => setRefusal(null)} data-testid="move-refusal">
            <AlertTitle>The class was not moved: {refusal.title}</AlertTitle>
            {refusal.text}
          </Alert>
        ) : null}
        <Box sx={{ mt: 1 }}>
          <WeekBoard weekStart={s.weekStart} classes={s.classes} rooms={s.rooms} openingHours={openingHours} slotMin={slotMin}
            editable={editable && !busy} onMove={move} onOpen={setDetails} />
        </Box>
      </Paper>
      <Summary scenario={s} />
      {details ? (
        <ClassDetailsDialog scenarioId={s.id} cls={details} rooms={s.rooms} editable={editable} busy={busy}
          onMove={(to) => move(details, to)} onClose={() => setDetails(null)}
          onRemove={() => { const c = details; setDetails(null); void act(() => api.schedule.removeClass({ scenarioId, classIndex: c.index }), `${c.classTypeName} removed; Undo brings it back`); }} />
      ) : null}
      {dialog === 'publish' ? (
        <PublishDialog draft={s} published={published && published.id !== s.id ? published : null} busy={busy} onClose={() => setDialog(null)}
          onPublish={(replacePublished) => act(() => api.schedule.publish({ scenarioId, replacePublished }), `"${s.name}" is published`)} />
      ) : null}
      <ConfirmDialog open={dialog === 'delete'} busy={busy} title={`Delete the draft "${s.name}"?`}
        text="The draft and its manual changes are removed. Published weeks are not affected." confirmLabel="Delete"
        onClose={() => setDialog(null)}
        onConfirm={() => act(async () => { await api.schedule.delete({ scenarioId }); onSelect(null); return null; }, 'Draft deleted')} />
    </Box>
  );
}
