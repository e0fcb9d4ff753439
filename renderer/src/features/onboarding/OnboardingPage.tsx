/**
 * Onboarding a new member (issue 15 part 3): a stepper — questionnaire → optional baseline test →
 * review — ending in a DRAFT plan for approval (`onboarding/create`, then the plan page).
 * Loads and body mass are typed in kg or lb (the toggle on each step) and sent in kg.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Autocomplete, Box, Button, Checkbox, FormControlLabel, Link, MenuItem, Paper, Step, StepLabel, Stepper, Table,
  TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import {
  EQUIPMENT, GOALS, LEVELS, MUSCLES, PATTERNS, type Equipment, type Goal, type Level, type Muscle, type Pattern, type WeightUnit,
} from '../../../../engine/exercises/vocabulary';
import type { ExerciseView, MemberSummary, OnboardingView } from '../../../../main/contract/index';
import { api } from '../../api';
import { fieldErrorOf, studioErrorOf } from '../../errors';
import { humanize } from '../../format';
import { hrefOf } from '../../router';
import { useStudio } from '../../studio-context';
import { formatLoad, toKg } from '../../units';

const STEPS = ['Questionnaire', 'Baseline test (optional)', 'Review'] as const;
const LIFTS = [
  { key: 'squat', label: 'Squat' }, { key: 'bench_press', label: 'Bench press' }, { key: 'deadlift', label: 'Deadlift' },
  { key: 'overhead_press', label: 'Overhead press' }, { key: 'row', label: 'Row' },
] as const;
const TEMPLATES = [
  { key: '', label: 'From days per week' }, { key: 'full_body_3', label: '3-day full body' },
  { key: 'upper_lower_4', label: '4-day upper/lower' }, { key: 'push_pull_legs_5', label: '5-day push/pull/legs' },
] as const;
const HOME_KIT: readonly Equipment[] = EQUIPMENT.filter((e) => !['body_only', 'other', 'foam_roll'].includes(e));
const SOURCE_LABEL: Record<string, string> = {
  test: 'Baseline test', test_transfer: 'Baseline test (transferred)', standards: 'Strength-standards prior', history: 'Logged history', history_transfer: 'Logged history (transferred)',
  model: 'RIR model', body_mass: 'Body-mass prior', minimum: 'Lightest load', body_weight: 'Body weight',
};

interface TestRow { load: string; reps: string; rir: string }

function UnitToggle({ unit, setUnit, testId }: { unit: WeightUnit; setUnit: (u: WeightUnit) => void; testId: string }) {
  return (
    <ToggleButtonGroup size="small" exclusive value={unit} onChange={(_, u: WeightUnit | null) => { if (u) setUnit(u); }} data-testid={testId}>
      <ToggleButton value="kg" data-testid={`${testId}-kg`}>kg</ToggleButton>
      <ToggleButton value="lb" data-testid={`${testId}-lb`}>lb</ToggleButton>
    </ToggleButtonGroup>
  );
}

export function OnboardingPage() {
  const { unit: displayUnit, showError } = useStudio();
  // The unit the answers are typed in (default the display unit); the result is shown in it too.
  const [step, setStep] = useState(0);
  const [unit, setUnit] = useState<WeightUnit>(displayUnit);
  const [members, setMembers] = useState<MemberSummary[]>([]);
  const [exercises, setExercises] = useState<ExerciseView[]>([]);
  const [who, setWho] = useState<'new' | number>('new');
  const [name, setName] = useState('');
  const [goal, setGoal] = useState<Goal>('general_fitness');
  const [experience, setExperience] = useState<Level>('beginner');
  const [days, setDays] = useState('3');
  const [minutes, setMinutes] = useState('60');
  const [access, setAccess] = useState<'club' | 'home'>('club');
  const [homeKit, setHomeKit] = useState<Equipment[]>(['dumbbell']);
  const [muscles, setMuscles] = useState<Muscle[]>([]);
  const [patterns, setPatterns] = useState<Pattern[]>([]);
  const [injuryNote, setInjuryNote] = useState('');
  const [excluded, setExcluded] = useState<ExerciseView[]>([]);
  const [preferred, setPreferred] = useState<ExerciseView[]>([]);
  const [disliked, setDisliked] = useState<ExerciseView[]>([]);
  const [template, setTemplate] = useState('');
  const [bodyMass, setBodyMass] = useState('');
  const [sex, setSex] = useState<'' | 'female' | 'male'>('');
  const [doTest, setDoTest] = useState(false);
  const [tests, setTests] = useState<Record<string, TestRow>>(() => Object.fromEntries(LIFTS.map((l) => [l.key, { load: '', reps: '', rir: '2' }])));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OnboardingView | null>(null);

  useEffect(() => {
    void api.members.list({}).then(setMembers).catch(showError);
    void api.exercises.list({ limit: 2000 }).then(setExercises).catch(showError);
  }, [showError]);

  const testRows = useMemo(() => LIFTS.filter((l) => tests[l.key]!.load !== '' || tests[l.key]!.reps !== ''), [tests]);
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

  const questionnaire = () => ({
    goal, experience, daysPerWeek: num(days), sessionMinutes: num(minutes),
    equipment: access === 'club' ? { access: 'club' as const } : { access: 'home' as const, equipment: homeKit },
    injuries: { muscles, patterns, note: injuryNote },
    excludedExerciseIds: excluded.map((e) => e.id), preferredExerciseIds: preferred.map((e) => e.id), dislikedExerciseIds: disliked.map((e) => e.id),
    ...(template ? { template: template as 'full_body_3' | 'upper_lower_4' | 'push_pull_legs_5' } : {}),
    bodyMassKg: bodyMass.trim() === '' ? null : Math.round(toKg(Number(bodyMass), unit) * 100) / 100,
    sex: sex === '' ? null : sex,
  });
  const assessment = () => (doTest && testRows.length > 0 ? {
    tests: testRows.map((l) => ({ lift: l.key, loadKg: toKg(num(tests[l.key]!.load), unit), reps: num(tests[l.key]!.reps), rir: num(tests[l.key]!.rir) })),
  } : undefined);

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const a = assessment();
      const view = await api.onboarding.create({
        ...(who === 'new' ? { newMember: { name, preferredUnit: unit } } : { memberId: who }),
        questionnaire: questionnaire(), ...(a ? { assessment: a } : {}), weeks: 4,
      });
      setResult(view);
    } catch (err) {
      const f = fieldErrorOf(err);
      const e = studioErrorOf(err);
      setError({ field: f?.field ?? null, message: e?.message ?? String(err) });
      if (f?.field.startsWith('assessment')) setStep(1);
      else if (f) setStep(0);
      if (!e) showError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, value: string, set: (v: string) => void, testId: string, errField: string, width = 150) => (
    <TextField label={label} value={value} onChange={(e) => set(e.target.value)} sx={{ width }} size="small"
      error={Boolean(errorFor(errField))} helperText={errorFor(errField)} slotProps={{ htmlInput: { 'data-testid': testId } }} />
  );
  const exercisePicker = (label: string, value: ExerciseView[], set: (v: ExerciseView[]) => void, testId: string) => (
    <Autocomplete multiple size="small" options={exercises} value={value} onChange={(_, v) => set(v)} getOptionLabel={(e) => e.name}
      isOptionEqualToValue={(a, b) => a.id === b.id} sx={{ minWidth: 300, flex: 1 }}
      renderInput={(p) => <TextField {...p} label={label} slotProps={{ ...p.slotProps, htmlInput: { ...p.slotProps.htmlInput, 'data-testid': testId } }} />} />
  );

  const general = error && (error.field === null || !['questionnaire.daysPerWeek', 'questionnaire.sessionMinutes', 'questionnaire.bodyMassKg', 'newMember.name'].includes(error.field))
    ? <Alert severity="error" sx={{ mb: 2 }} data-testid="onboarding-error">{error.field ? `${error.field}: ` : ''}{error.message}</Alert> : null;

  if (result) {
    return (
      <Box data-testid="onboarding-result">
        <Typography variant="h5" gutterBottom>Draft plan for {result.memberName}</Typography>
        <Alert severity="success" sx={{ mb: 2 }}>
          {result.template.name}, {result.plan.weeks.length} weeks: a draft waiting for approval.{' '}
          <Link href={hrefOf({ page: 'plan', planId: result.planId })} data-testid="onboarding-plan-link">Open the plan to review and approve it</Link>
        </Alert>
        <Typography variant="subtitle1">Where the first numbers come from</Typography>
        <Table size="small" data-testid="onboarding-sources">
          <TableHead><TableRow><TableCell>Exercise</TableCell><TableCell>Source</TableCell><TableCell>Week 1 load</TableCell><TableCell>Week 1</TableCell></TableRow></TableHead>
          <TableBody>
            {result.sources.map((s) => (
              <TableRow key={s.exerciseId} data-testid={`source-${s.exerciseId}`}>
                <TableCell>{s.exerciseName}</TableCell>
                <TableCell data-testid="source-kind">{SOURCE_LABEL[s.source] ?? s.source}</TableCell>
                <TableCell>{formatLoad(s.week1LoadKg, unit)}</TableCell>
                <TableCell>{s.calibrates ? 'calibrates' : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {result.assessed.length > 0 && (
          <Box sx={{ mt: 2 }} data-testid="onboarding-assessed">
            <Typography variant="subtitle1">Baseline test</Typography>
            {result.assessed.map((a) => (
              <Typography key={a.lift} variant="body2">
                {a.exerciseName}: {formatLoad(a.loadKg, unit)} × {a.reps} @ RIR {a.rir} → e1RM {formatLoad(a.e1rmKg, unit)} ({formatLoad(a.lowKg, unit)}–{formatLoad(a.highKg, unit)}); loads start from {formatLoad(a.startE1rmKg, unit)}
              </Typography>
            ))}
          </Box>
        )}
        <Box sx={{ mt: 2 }}>{result.plan.notes.slice(0, 4).map((n) => <Typography key={n} variant="body2" color="text.secondary">{n}</Typography>)}</Box>
        <Button sx={{ mt: 2 }} onClick={() => { setResult(null); setStep(0); setName(''); }} data-testid="onboarding-again">Onboard another member</Button>
      </Box>
    );
  }

  return (
    <Box data-testid="onboarding-page">
      <Typography variant="h5" gutterBottom>Onboard a member</Typography>
      <Stepper activeStep={step} sx={{ mb: 3 }}>
        {STEPS.map((s) => <Step key={s}><StepLabel>{s}</StepLabel></Step>)}
      </Stepper>
      {general}
      {step === 0 && (
        <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="onboarding-questionnaire">
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField select size="small" label="Member" value={String(who)} onChange={(e) => setWho(e.target.value === 'new' ? 'new' : Number(e.target.value))} sx={{ width: 220 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'onboarding-member' } as object } }}>
              <MenuItem value="new">New member</MenuItem>
              {members.map((m) => <MenuItem key={m.id} value={String(m.id)}>{m.name}</MenuItem>)}
            </TextField>
            {who === 'new' && field('Name', name, setName, 'onboarding-name', 'newMember.name', 220)}
            <UnitToggle unit={unit} setUnit={setUnit} testId="onboarding-unit" />
          </Box>
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            <TextField select size="small" label="Goal" value={goal} onChange={(e) => setGoal(e.target.value as Goal)} sx={{ width: 170 }}>
              {GOALS.map((g) => <MenuItem key={g} value={g}>{humanize(g)}</MenuItem>)}
            </TextField>
            <TextField select size="small" label="Experience" value={experience} onChange={(e) => setExperience(e.target.value as Level)} sx={{ width: 150 }}>
              {LEVELS.map((l) => <MenuItem key={l} value={l}>{humanize(l)}</MenuItem>)}
            </TextField>
            {field('Days / week (2–6)', days, setDays, 'onboarding-days', 'questionnaire.daysPerWeek')}
            {field('Minutes (20–180)', minutes, setMinutes, 'onboarding-minutes', 'questionnaire.sessionMinutes')}
            <TextField select size="small" label="Template" value={template} onChange={(e) => setTemplate(e.target.value)} sx={{ width: 200 }}>
              {TEMPLATES.map((t) => <MenuItem key={t.key} value={t.key}>{t.label}</MenuItem>)}
            </TextField>
          </Box>
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            {field(`Body mass (${unit})`, bodyMass, setBodyMass, 'onboarding-body-mass', 'questionnaire.bodyMassKg')}
            <TextField select size="small" label="Sex" value={sex} onChange={(e) => setSex(e.target.value as '' | 'female' | 'male')} sx={{ width: 150 }}>
              <MenuItem value="">Not given</MenuItem><MenuItem value="female">Female</MenuItem><MenuItem value="male">Male</MenuItem>
            </TextField>
            <ToggleButtonGroup size="small" exclusive value={access} onChange={(_, a: 'club' | 'home' | null) => { if (a) setAccess(a); }}>
              <ToggleButton value="club" data-testid="onboarding-access-club">Trains at the club</ToggleButton>
              <ToggleButton value="home" data-testid="onboarding-access-home">Home gym</ToggleButton>
            </ToggleButtonGroup>
          </Box>
          {access === 'home' && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap' }} data-testid="onboarding-home-kit">
              {HOME_KIT.map((e) => (
                <FormControlLabel key={e} label={humanize(e)} control={<Checkbox size="small" checked={homeKit.includes(e)}
                  onChange={(ev) => setHomeKit(ev.target.checked ? [...homeKit, e] : homeKit.filter((x) => x !== e))} slotProps={{ input: { 'data-testid': `kit-${e}` } as object }} />} />
              ))}
            </Box>
          )}
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            <Autocomplete multiple size="small" options={[...MUSCLES]} value={muscles} onChange={(_, v) => setMuscles(v)} getOptionLabel={humanize} sx={{ minWidth: 260, flex: 1 }}
              renderInput={(p) => <TextField {...p} label="Injuries: muscles to spare" />} />
            <Autocomplete multiple size="small" options={[...PATTERNS]} value={patterns} onChange={(_, v) => setPatterns(v)} getOptionLabel={humanize} sx={{ minWidth: 260, flex: 1 }}
              renderInput={(p) => <TextField {...p} label="Injuries: movements to avoid" slotProps={{ ...p.slotProps, htmlInput: { ...p.slotProps.htmlInput, 'data-testid': 'onboarding-patterns' } }} />} />
            {field('Injury note', injuryNote, setInjuryNote, 'onboarding-injury-note', 'questionnaire.injuries.note', 260)}
          </Box>
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            {exercisePicker('Excluded exercises', excluded, setExcluded, 'onboarding-excluded')}
            {exercisePicker('Preferred exercises', preferred, setPreferred, 'onboarding-preferred')}
            {exercisePicker('Disliked exercises', disliked, setDisliked, 'onboarding-disliked')}
          </Box>
        </Paper>
      )}
      {step === 1 && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="onboarding-assessment">
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
            <FormControlLabel label="Do the baseline test" control={<Checkbox checked={doTest} onChange={(e) => setDoTest(e.target.checked)} slotProps={{ input: { 'data-testid': 'onboarding-do-test' } as object }} />} />
            <UnitToggle unit={unit} setUnit={setUnit} testId="onboarding-test-unit" />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            A submaximal set per lift: the load, the reps done (1–10) and the reps left in reserve (RIR 0–3). Leave a lift blank to skip it;
            untested lifts start from strength-standards priors.
          </Typography>
          {doTest && LIFTS.map((l, i) => {
            const row = tests[l.key]!;
            const set = (patch: Partial<TestRow>) => setTests({ ...tests, [l.key]: { ...row, ...patch } });
            const idx = testRows.findIndex((r) => r.key === l.key);
            const errOf = (f: string) => (idx >= 0 ? errorFor(`assessment.tests.${String(idx)}.${f}`) : undefined);
            return (
              <Box key={l.key} sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', mb: 1 }} data-testid={`test-${l.key}`}>
                <Typography sx={{ width: 130, pt: 1 }}>{l.label}</Typography>
                <TextField size="small" label={`Load (${unit})`} value={row.load} onChange={(e) => set({ load: e.target.value })} sx={{ width: 130 }}
                  error={Boolean(errOf('loadKg'))} helperText={errOf('loadKg')} slotProps={{ htmlInput: { 'data-testid': `test-${l.key}-load` } }} />
                <TextField size="small" label="Reps" value={row.reps} onChange={(e) => set({ reps: e.target.value })} sx={{ width: 100 }}
                  error={Boolean(errOf('reps'))} helperText={errOf('reps')} slotProps={{ htmlInput: { 'data-testid': `test-${l.key}-reps` } }} />
                <TextField size="small" label="RIR" value={row.rir} onChange={(e) => set({ rir: e.target.value })} sx={{ width: 90 }}
                  error={Boolean(errOf('rir'))} helperText={errOf('rir')} slotProps={{ htmlInput: { 'data-testid': `test-${l.key}-rir` } }} />
                {i === 0 && <Typography variant="caption" color="text.secondary" sx={{ pt: 1 }}>e1RM = load × (1 + (reps + RIR)/30), Epley</Typography>}
              </Box>
            );
          })}
        </Paper>
      )}
      {step === 2 && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="onboarding-review">
          <Typography>{who === 'new' ? `New member ${name || '(no name yet)'}` : `Member ${members.find((m) => m.id === who)?.name ?? ''}`}</Typography>
          <Typography variant="body2">{humanize(goal)}, {experience}, {days} days × {minutes} min, {access === 'club' ? 'at the club' : `home gym (${homeKit.join(', ') || 'body weight only'})`}
            {template ? `, template ${TEMPLATES.find((t) => t.key === template)?.label ?? ''}` : ''}</Typography>
          <Typography variant="body2">Avoid: {[...muscles, ...patterns, ...excluded.map((e) => e.name)].join(', ') || 'nothing'}</Typography>
          <Typography variant="body2" data-testid="review-test">
            Baseline test: {doTest && testRows.length > 0 ? testRows.map((l) => `${l.label} ${tests[l.key]!.load} ${unit} × ${tests[l.key]!.reps} @ RIR ${tests[l.key]!.rir}`).join('; ') : 'none (priors from strength standards; week 1 calibrates)'}
          </Typography>
        </Paper>
      )}
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button disabled={step === 0} onClick={() => setStep(step - 1)} data-testid="onboarding-back">Back</Button>
        {step < 2 && <Button variant="contained" onClick={() => setStep(step + 1)} data-testid="onboarding-next">Next</Button>}
        {step === 2 && <Button variant="contained" disabled={busy} onClick={() => void create()} data-testid="onboarding-create">{busy ? 'Creating…' : 'Create draft plan'}</Button>}
      </Box>
    </Box>
  );
}
