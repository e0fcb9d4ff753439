/** Suggestions for the published week: underused classes, full or waitlisted ones, absent trainers. */
import { useState } from 'react';
import { Box, Button, Card, CardContent, Chip, LinearProgress, Typography } from '@mui/material';
import type { AdjustmentSuggestionView, ScenarioView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { hhmm, weekdayName } from './time';

const place = (p: { weekday: number; startMin: number; roomId: string } | null) => (p ? `${weekdayName(p.weekday)} ${hhmm(p.startMin)} (${p.roomId})` : '');
const KIND_LABEL = { reduce: 'Reduce', move: 'Move', add: 'Add' } as const;

/**
 * Applies one suggestion to a copy of the published week, so the published week stays as it is:
 * duplicate, then add / move / remove the class (each checked by the host). Returns the draft.
 */
async function applyInDraft(publishedId: number, s: AdjustmentSuggestionView): Promise<ScenarioView> {
  const draft = await api.schedule.duplicate({ scenarioId: publishedId, name: `${KIND_LABEL[s.kind]} ${s.classTypeName}` });
  try {
    const at = (p: NonNullable<AdjustmentSuggestionView['from']>) => draft.classes.find((c) => c.classTypeId === s.classTypeId
      && c.weekday === p.weekday && c.startMin === p.startMin && c.roomId === p.roomId);
    if (s.kind === 'add' && s.to?.trainerId) {
      return await api.schedule.addClass({ scenarioId: draft.id, classTypeId: s.classTypeId, weekday: s.to.weekday, startMin: s.to.startMin, roomId: s.to.roomId, trainerId: s.to.trainerId });
    }
    const from = s.from ? at(s.from) : undefined;
    if (!from) throw new Error(`the ${s.classTypeName} class of the suggestion is no longer in the published week`);
    if (s.kind === 'move' && s.to) {
      return await api.schedule.moveClass({ scenarioId: draft.id, classIndex: from.index, weekday: s.to.weekday, startMin: s.to.startMin, roomId: s.to.roomId, ...(s.to.trainerId ? { trainerId: s.to.trainerId } : {}) });
    }
    return await api.schedule.removeClass({ scenarioId: draft.id, classIndex: from.index });
  } catch (err) {
    await api.schedule.delete({ scenarioId: draft.id }).catch(() => undefined);
    throw err;
  }
}

function SuggestionCard({ s, onApply, busy }: { s: AdjustmentSuggestionView; onApply?: () => void; busy: boolean }) {
  return (
    <Card variant="outlined" data-testid="adjustment-card" data-kind={s.kind}>
      <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 0.5 }}>
          <Chip size="small" label={KIND_LABEL[s.kind]} color={s.kind === 'add' ? 'success' : s.kind === 'reduce' ? 'warning' : 'info'} />
          <Typography variant="subtitle2">{s.classTypeName}</Typography>
          <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>{[place(s.from), place(s.to)].filter(Boolean).join(' → ')}</Typography>
          {onApply ? <Button size="small" disabled={busy} onClick={onApply} data-testid="apply-adjustment">Apply in a new draft</Button> : null}
        </Box>
        <Typography variant="body2" data-testid="adjustment-reason">{s.reason}</Typography>
        <Typography variant="caption" color="text.secondary">
          Evidence: {s.evidence.occurrences} classes · {Math.round(s.evidence.meanFill * 100)} % full on average · waitlisted {Math.round(s.evidence.waitlistedShare * 100)} %
        </Typography>
      </CardContent>
    </Card>
  );
}

interface Props {
  weekStart: string;
  version: number;
  /** Managers may apply a suggestion; the result is a new draft, opened by `onDraft`. */
  canEdit: boolean;
  onDraft(scenarioId: number): void;
}

export function AdjustmentsPanel({ weekStart, version, canEdit, onDraft }: Props) {
  const { showError, showMessage } = useStudio();
  const view = useLoad(() => api.schedule.adjustments({ weekStart }), [weekStart, version]);
  const [busy, setBusy] = useState(false);
  const v = view.data;
  const apply = async (s: AdjustmentSuggestionView) => {
    if (!v?.publishedId) return;
    setBusy(true);
    try {
      const draft = await applyInDraft(v.publishedId, s);
      showMessage(`New draft "${draft.name}": publish it to make it the club's week`);
      onDraft(draft.id);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Suggested adjustments" testId="adjustments">
      {!v ? (view.loading ? <LinearProgress /> : null) : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">Looking at {v.from} – {v.to}</Typography>
          {v.absences.map((a) => (
            <Typography key={`${a.trainerId}-${a.date}`} variant="body2" data-testid="adjustment-absence">
              {a.trainerName} is away on {a.date}: {a.classes} published classes need cover.
            </Typography>
          ))}
          {v.suggestions.length === 0 && v.absences.length === 0
            ? <Typography variant="body2" color="text.secondary" data-testid="no-adjustments">Nothing to adjust: the published classes fit their demand.</Typography>
            : v.suggestions.map((s, i) => <SuggestionCard key={i} s={s} busy={busy} {...(canEdit ? { onApply: () => void apply(s) } : {})} />)}
        </Box>
      )}
    </Section>
  );
}
