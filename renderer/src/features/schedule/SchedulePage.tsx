/**
 * The class schedule of a week: its scenarios (optimize, compare, publish), the board of the
 * selected one, and for the published week calendar export, a trainer's absence and suggestions.
 */
import { useState } from 'react';
import { Alert, Box, Button, Link, Tooltip, Typography } from '@mui/material';
import type { ScenarioComparison, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { hrefOf, navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { AdjustmentsPanel } from './AdjustmentsPanel';
import { CompareView } from './CompareView';
import { IcalExport } from './IcalExport';
import { OptimizeDialog } from './OptimizeDialog';
import { ScenarioList } from './ScenarioList';
import { ScenarioPanel } from './ScenarioPanel';
import { TrainerUnavailableDialog } from './TrainerUnavailableDialog';
import { WeekPicker } from './WeekPicker';
import { nextMonday } from './time';

export function SchedulePage({ role, scenarioId }: { role: StaffRole | null; scenarioId: number | null }) {
  const { showError } = useStudio();
  const canEdit = role === 'manager';
  const [week, setWeek] = useState(nextMonday);
  const [version, setVersion] = useState(0);
  const [removed, setRemoved] = useState<number[]>([]);
  const [compareIds, setCompareIds] = useState<number[]>([]);
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [dialog, setDialog] = useState<'optimize' | 'unavailable' | null>(null);
  const club = useLoad(() => api.schedule.club({}), []);
  const scenarios = useLoad(() => api.schedule.scenarios({ weekStart: week }), [week, version]);
  const published = useLoad(() => api.schedule.published({ weekStart: week }), [week, version]);

  const bump = () => setVersion((v) => v + 1);
  const select = (id: number | null) => navigate(id === null ? { page: 'schedule' } : { page: 'schedule', scenarioId: id });
  const changeWeek = (w: string) => {
    if (w === week) return;
    setWeek(w);
    setCompareIds([]);
    setComparison(null);
    if (scenarioId !== null) select(null);
  };
  const compare = async () => {
    try {
      setComparison(await api.schedule.compare({ scenarioIds: compareIds }));
    } catch (err) {
      showError(err);
    }
  };

  const list = (scenarios.data ?? []).filter((s) => !removed.includes(s.id));
  const publishedSummary = list.find((s) => s.status === 'published') ?? null;
  const selectedId = scenarioId ?? publishedSummary?.id ?? list[0]?.id ?? null;
  const setup = club.data;
  const clubEmpty = setup !== undefined && (setup.rooms.length === 0 || setup.trainers.length === 0 || setup.classTypes.length === 0);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="schedule-page" data-week={week}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Class schedule</Typography>
        <WeekPicker week={week} onChange={changeWeek} />
        <Tooltip title={canEdit ? (published.data ? '' : 'Publish a timetable for this week first') : 'Only a manager can do this'}>
          <span>
            <Button variant="outlined" disabled={!canEdit || !published.data} onClick={() => setDialog('unavailable')} data-testid="trainer-unavailable">
              Trainer unavailable
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={canEdit ? (clubEmpty ? 'Set up the club first' : '') : 'Only a manager can do this'}>
          <span>
            <Button variant="contained" disabled={!canEdit || !setup || clubEmpty} onClick={() => setDialog('optimize')} data-testid="optimize">Optimize</Button>
          </span>
        </Tooltip>
      </Box>
      {clubEmpty ? (
        <Alert severity="info" data-testid="schedule-needs-setup">
          The club has no rooms, class types or trainers yet. <Link href={hrefOf({ page: 'club' })}>Set up the club</Link> first.
        </Alert>
      ) : null}
      <ScenarioList scenarios={list} selectedId={selectedId} compareIds={compareIds} onSelect={select} onCompare={compare}
        onToggleCompare={(id) => setCompareIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))} />
      {comparison ? <CompareView comparison={comparison} onClose={() => setComparison(null)} /> : null}
      {selectedId !== null && setup ? (
        <ScenarioPanel key={selectedId} scenarioId={selectedId} version={version} openingHours={setup.openingHours} slotMin={setup.slotMin}
          canEdit={canEdit} published={publishedSummary} onWeek={changeWeekQuietly(week, setWeek)} onChanged={bump}
          onSelect={(id) => { if (id === null) setRemoved((r) => [...r, selectedId]); select(id); }} />
      ) : null}
      {published.data && setup ? (
        <Section title={`Published week: ${published.data.name}`} testId="published-week">
          <IcalExport weekStart={week} trainers={setup.trainers} />
        </Section>
      ) : null}
      {published.data ? <AdjustmentsPanel weekStart={week} version={version} canEdit={canEdit} onDraft={(id) => { bump(); select(id); }} /> : null}
      {dialog === 'optimize' && setup ? (
        <OptimizeDialog open week={week} defaultWeights={setup.weights} suggestedName={`Option ${list.length + 1}`}
          onClose={() => setDialog(null)} onOptimized={(s) => { bump(); select(s.id); }} />
      ) : null}
      {dialog === 'unavailable' && published.data && setup ? (
        <TrainerUnavailableDialog published={published.data} trainers={setup.trainers} onClose={() => setDialog(null)} onDone={bump}
          onOpenDraft={(id) => { setDialog(null); select(id); }} />
      ) : null}
    </Box>
  );
}

/** A scenario opened by its address shows its own week (without clearing the address). */
function changeWeekQuietly(week: string, setWeek: (w: string) => void) {
  return (w: string) => { if (w !== week) setWeek(w); };
}
