/**
 * The coach chat about one member: the conversation (per member and staff member), the answer
 * streaming in as it is generated with a Stop button, the sources each answer used, pending actions
 * as confirm/reject cards, and the "model: NAME" or "rules mode" badge.
 */
import { useRef, useState } from 'react';
import { Box, Button, Chip, LinearProgress, TextField, Typography } from '@mui/material';
import type { CoachActionView, CoachConversationView, CoachMessageView } from '../../../../main/contract/index';
import { api, callWithProgress } from '../../api';
import { useLoad } from '../../use-load';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';
import { CoachBadge } from './CoachBadge';
import { ActionCard } from './ActionCard';

function Message({ m, actions, onDecided }: { m: CoachMessageView; actions: CoachActionView[]; onDecided(a: CoachActionView): void }) {
  return (
    <Box sx={{ alignSelf: m.role === 'staff' ? 'flex-end' : 'flex-start', maxWidth: '85%' }} data-testid={`coach-message-${m.role}`}>
      <Box sx={{ p: 1, borderRadius: 1, bgcolor: m.role === 'staff' ? 'primary.50' : 'grey.100', whiteSpace: 'pre-wrap' }}>
        <Typography variant="body2">{m.text}</Typography>
        {m.status === 'stopped' ? <Typography variant="caption" color="warning.main"> (stopped)</Typography> : null}
      </Box>
      {m.sources.length ? (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }} data-testid="coach-sources">
          <Typography variant="caption" color="text.secondary">Sources:</Typography>
          {m.sources.map((s) => <Chip key={s.id} size="small" variant="outlined" label={s.title} title={`${s.kind}: ${s.id}`} />)}
        </Box>
      ) : null}
      {actions.map((a) => <Box key={a.id} sx={{ mt: 0.5 }}><ActionCard action={a} onDecided={onDecided} /></Box>)}
    </Box>
  );
}

export function CoachPanel({ memberId }: { memberId: number }) {
  const { showError } = useStudio();
  const conv = useLoad(() => api.coach.conversation({ memberId }), [memberId]);
  const [text, setText] = useState('');
  const [streaming, setStreaming] = useState<string | null>(null);
  const [pendingQuestion, setPendingQuestion] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);
  const c: CoachConversationView | undefined = conv.data;

  const send = async () => {
    const question = text.trim();
    if (!question || stop.current) return;
    setText('');
    setPendingQuestion(question);
    setStreaming('');
    const controller = new AbortController();
    stop.current = controller;
    try {
      await callWithProgress('coach/ask', { memberId, text: question }, (e) => setStreaming((s) => (s ?? '') + e.message), controller.signal);
    } catch (e) {
      if (!controller.signal.aborted) showError(e);
    } finally {
      stop.current = null;
      setStreaming(null);
      setPendingQuestion(null);
      conv.reload();
    }
  };
  const onDecided = (a: CoachActionView) => {
    if (!c) return;
    conv.set({ ...c, actions: c.actions.map((x) => (x.id === a.id ? a : x)) });
  };

  return (
    <Section title="Coach" testId="coach-panel" actions={c ? <CoachBadge status={c.status} /> : null}>
      {!c ? <LinearProgress /> : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          {c.status.mode === 'rules' ? <Typography variant="caption" color="text.secondary" data-testid="coach-hint">{c.status.hint}</Typography> : null}
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, maxHeight: 420, overflowY: 'auto' }} data-testid="coach-messages">
            {c.messages.map((m) => <Message key={m.id} m={m} actions={c.actions.filter((a) => a.messageId === m.id)} onDecided={onDecided} />)}
            {pendingQuestion !== null ? <Box sx={{ alignSelf: 'flex-end', p: 1, bgcolor: 'primary.50', borderRadius: 1 }}><Typography variant="body2">{pendingQuestion}</Typography></Box> : null}
            {streaming !== null ? <Box sx={{ p: 1, bgcolor: 'grey.100', borderRadius: 1, whiteSpace: 'pre-wrap' }} data-testid="coach-streaming"><Typography variant="body2">{streaming || '…'}</Typography></Box> : null}
          </Box>
          <Box component="form" sx={{ display: 'flex', gap: 1 }} onSubmit={(e) => { e.preventDefault(); void send(); }}>
            <TextField size="small" fullWidth placeholder={`Ask about ${c.memberName}: availability, bookings, the plan, substitutions…`} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'coach-input' } }} />
            {streaming !== null
              ? <Button variant="outlined" color="warning" onClick={() => stop.current?.abort()} data-testid="coach-stop">Stop</Button>
              : <Button type="submit" variant="contained" disabled={!text.trim()} data-testid="coach-send">Send</Button>}
          </Box>
        </Box>
      )}
    </Section>
  );
}
