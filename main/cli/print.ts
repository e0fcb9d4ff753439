/** Human-readable CLI output; `--json` prints the raw values instead. */
import { formatLoad } from '../../engine/units/index';
import type { ExerciseSuggestionsView, RecommendTrainReport } from '../contract/recommend-views';
import type {
  BackupView, DemoClubReport, StaffAccount, AuditPage, ExerciseImportReport, ModelsView, RefitReport, RirMemberView, MemberSummary, OpName, PlanSummary, PlanView, HistoryImportReport, ImportPreview,
} from '../contract/index';


function printImport(r: HistoryImportReport): void {
  const skipped = r.skipped.reduce((n, x) => n + x.count, 0);
  console.log(`${r.detection.layout}: ${r.detection.reason}`);
  console.log(`Imported into ${r.memberName} (#${r.memberId}): ${r.setsStored} sets stored, ${r.duplicates} already there, ${r.rejected.length} rows rejected, ${skipped} skipped, of ${r.rowsTotal} rows.`);
  console.log(`${r.days} days, ${r.sessions} sessions. Unit: ${r.unit} (${r.unitSource}: ${r.unitReason}). Times: ${r.timeNote}`);
  for (const x of r.skipped) console.log(`  skipped ${x.count} rows: ${x.reason} (first on line ${x.firstLine})`);
  for (const x of r.rejected.slice(0, 10)) console.log(`  rejected line ${x.line} (${x.field}): ${x.reason}`);
  if (r.rejected.length > 10) console.log(`  … ${r.rejected.length - 10} more rejected rows`);
  for (const w of r.warnings.slice(0, 10)) console.log(`  warning line ${w.line} (${w.field}): ${w.message}`);
  if (r.unmatched.length) {
    console.log('Unmatched exercise names (map them with --map "NAME=EXERCISE_ID"):');
    for (const u of r.unmatched) console.log(`  ${u.name} (${u.sets} sets)`);
  }
}

function printPreview(p: ImportPreview): void {
  if (p.detection === null) {
    console.log(`${p.fileName} would be refused: ${p.errors[0]?.message ?? 'not a known export'}`);
    return;
  }
  console.log(`${p.detection.layout}: ${p.detection.reason}`);
  console.log(`Would import ${p.sets} sets of ${p.rowsTotal} rows (${p.rejected.length} rejected, ${p.skipped.reduce((n, x) => n + x.count, 0)} skipped), ${p.sessions} sessions.`);
  console.log(`Unit: ${p.unit} (${p.unitSource}: ${p.unitReason}). Times: ${p.timeNote}`);
  if (p.errorCount > 0) {
    console.log(`${p.errorCount} malformed rows: an import would store nothing.`);
    for (const e of p.errors.slice(0, 10)) console.log(`  line ${e.line} (${e.field}): ${e.message}`);
  }
  for (const r of p.firstRows.slice(0, 10)) {
    console.log(`  line ${r.line} ${r.startedAt} ${r.exerciseName}: ${formatLoad(r.loadKg, p.unit)} × ${r.reps} [${r.setKind}]${r.rir === null ? '' : ` RIR ${r.rir} (from ${r.rirSource})`}`);
  }
  if (p.unmatched.length) console.log(`Unmatched exercise names: ${p.unmatched.map((u) => u.name).join(', ')}`);
}

function printPlan(p: PlanView): void {
  console.log(`Plan #${p.id} for ${p.memberName}: ${p.name} [${p.status}]`);
  for (const n of p.notes) console.log(`  note: ${n}`);
  for (const w of p.weeks) {
    console.log(`Week ${w.week}${w.isDeload ? ' (deload)' : ''}, target RIR ${w.targetRir}`);
    for (const s of w.sessions) {
      console.log(`  Day ${s.day} ${s.name} (~${s.estimatedMinutes} min)`);
      for (const x of s.prescriptions) {
        console.log(`    ${x.exerciseName}: ${x.sets} × ${x.repMin}–${x.repMax} @ RIR ${x.targetRir}, ${formatLoad(x.loadKg, p.unit)}, rest ${x.restS} s${x.isCalibration ? ' [calibration]' : ''}`);
        console.log(`      ${x.reason}`);
      }
    }
  }
}

export function printHuman(name: OpName, value: unknown): void {
  switch (name) {
    case 'imports/strong':
    case 'imports/history': return printImport(value as HistoryImportReport);
    case 'imports/preview': return printPreview(value as ImportPreview);
    case 'imports/exercises': {
      const r = value as ExerciseImportReport;
      console.log(`${r.imported} of ${r.total} exercises imported (${r.created} new, ${r.updated} updated), ${r.rejected.length} rejected.`);
      for (const x of r.rejected) console.log(`  rejected #${x.index} ${x.name ?? x.sourceId ?? ''}: ${x.reason}`);
      return;
    }
    case 'members/list':
      if ((value as MemberSummary[]).length === 0) console.log('No members yet: import a Strong export, add one in the studio, or run `studio demo`.');
      for (const m of value as MemberSummary[]) {
        console.log(`${String(m.id).padStart(4)}  ${m.name}${m.isDemo ? ' (demo)' : ''}  ${m.goal}, ${m.level}, ${m.setCount} sets${m.planStatus ? `, plan ${m.planStatus}` : ''}`);
      }
      return;
    case 'plans/list':
      for (const p of value as PlanSummary[]) console.log(`${String(p.id).padStart(4)}  ${p.memberName}: ${p.name} [${p.status}]`);
      return;
    case 'plans/generate':
    case 'plans/get':
    case 'plans/approve':
      return printPlan(value as PlanView);
    case 'demo/create': {
      const r = value as DemoClubReport;
      console.log(`Created the demo club: ${r.members.length} demo members with ${r.sets} generated sets.`);
      for (const m of r.members) console.log(`${String(m.id).padStart(4)}  ${m.name} (demo)  ${m.goal}, ${m.level}, ${m.setCount} sets`);
      return;
    }
    case 'models/list':
    case 'models/rollback': {
      const v = value as ModelsView;
      console.log(`Active RIR model: ${v.activeVersion ?? `${v.defaultVersion} (published-figures default)`}`);
      for (const e of v.entries) console.log(`  ${e.version} [${e.status}] ${e.trainingSamples} sets, held-out MAE ${e.maeReps.toFixed(3)} reps on ${e.heldOutSets} sets, 80 % coverage ${(e.coverage80 * 100).toFixed(0)} %`);
      for (const h of v.history) console.log(`  ${h.at} ${h.from ?? 'default'} → ${h.to ?? 'default'}: ${h.reason}`);
      return;
    }
    case 'models/refit': {
      const r = value as RefitReport;
      console.log(`Refit ${r.entry.version} on ${r.entry.trainingSamples} sets in ${r.seconds.toFixed(1)} s: held-out MAE ${r.entry.maeReps.toFixed(3)} reps`
        + `${r.previousMaeReps === null ? '' : ` vs ${r.previousMaeReps.toFixed(3)} for the active model`}, 80 % coverage ${(r.entry.coverage80 * 100).toFixed(0)} %.`);
      console.log(`${r.activated ? 'Activated' : 'Not activated'}: ${r.reason}`);
      return;
    }
    case 'recommend/exercises': {
      const v = value as ExerciseSuggestionsView;
      console.log(v.cf.reason);
      v.suggestions.forEach((x, i) => {
        const c = x.components;
        console.log(`${i + 1}. ${x.exerciseName} (${x.exerciseId}) ${x.total.toFixed(1)}: balance ${c.balance}/30, recovery ${c.recovery}/20, preference ${c.preference}/20, goal ${c.goal}/15, experience ${c.experience}/10, novelty ${c.novelty}/5${x.cf ? `, CF ${x.cf.score}/100 × ${x.cf.weight}` : ''}`);
        console.log(`   ${x.reason}`);
      });
      return;
    }
    case 'recommend/train': {
      const r = value as RecommendTrainReport;
      if (r.version === null) { console.log(r.reason); return; }
      console.log(`Trained ${r.version} on ${r.members} members (${r.trainingSamples} cells) in ${r.seconds.toFixed(1)} s: held-out NDCG@5 ${r.ndcgAt5?.toFixed(3)} vs popularity ${r.popularityNdcgAt5?.toFixed(3)}${r.activeNdcgAt5 === null ? '' : ` and the active model ${r.activeNdcgAt5.toFixed(3)}`} on ${r.heldOutSessions} sessions.`);
      console.log(`${r.activated ? 'Activated' : 'Not activated'}: ${r.reason}`);
      return;
    }
    case 'rir/member': {
      const v = value as RirMemberView;
      const a = v.accuracy;
      console.log(`RIR model ${v.modelVersion}: learnt from ${v.setsLearnt} sets. Self-report bias: ${v.bias.sentence}.`);
      console.log(a.maeReps === null ? 'No sets with a logged RIR yet.' : `Predicted vs logged RIR on ${a.sets} sets: MAE ${a.maeReps.toFixed(2)} reps, 80 % interval coverage ${((a.coverage80 ?? 0) * 100).toFixed(0)} %.`);
      for (const d of v.disagree) console.log(`  often disagrees on ${d.exerciseName} (${(d.disagreeShare * 100).toFixed(0)} % of ${d.sets} sets)`);
      return;
    }
    case 'system/backup': {
      const r = value as BackupView;
      console.log(`Backed up to ${r.fileName} (${(r.bytes / 1024 / 1024).toFixed(1)} MB).`);
      return;
    }
    case 'staff/list': {
      for (const s of value as StaffAccount[]) {
        const state = s.disabledAt ? 'disabled' : s.canSignIn ? (s.mustChangePassword ? 'must change password' : 'can sign in') : 'no sign-in';
        console.log(`${String(s.id).padStart(4)}  ${s.name} (${s.username ?? '—'}) ${s.role.replace('_', ' ')}, ${state}${s.hasPin ? ', PIN set' : ''}`);
      }
      return;
    }
    case 'audit/list': {
      const page = value as AuditPage;
      for (const e of page.entries) console.log(`${e.at}  ${(e.actor?.name ?? 'studio').padEnd(18)} ${e.action.padEnd(26)} ${e.entity} ${e.entityId}`);
      console.log(`${page.entries.length} of ${page.total} entries`);
      return;
    }
    default:
      console.log(JSON.stringify(value, null, 2));
  }
}
