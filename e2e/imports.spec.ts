/**
 * Workout-app exports through the import dialog: a real Hevy export in lb (recognised from its
 * header, unit from `weight_lbs`), and a Strong export with German headers (written into a
 * temporary file from a real English one; never into the repository) whose app and unit staff
 * override in the preview before importing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { ImportDialog } from './page-models/import-dialog';
import { snap } from './page-models/shots';

const EXPORTS = resolve('../shared/data/logs/exports');
const HEVY_LB = join(EXPORTS, 'SIERRA711__workout-analysis/workout_data.csv');
const STRONG_2025 = join(EXPORTS, 'dravenbc__gym-dashboard/strong.csv');
const GERMAN_HEADER = '"Training #";"Datum";"Trainingsname";"Dauer (Sek)";"Übungsname";"Satzreihenfolge";"Gewicht (kg)";"Wiederholungen";"RPE";"Distanz (Meter)";"Sekunden";"Notizen";"Trainingsnotizen"';

function germanStrongFile(): string {
  const english = readFileSync(STRONG_2025, 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'studio-e2e-imports-')), 'strong-de.csv');
  writeFileSync(file, `${GERMAN_HEADER}\n${english.slice(english.indexOf('\n') + 1)}`);
  return file;
}

test('a Hevy export in lb and a German Strong export: detection shown, app and unit overridable, every row accounted for', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const dialog = new ImportDialog(page);
  await app.open();
  await members.openImport();

  await dialog.chooseWorkoutFile(HEVY_LB);
  await expect(dialog.detectedLayout).toHaveText('Hevy in lb (weight_lbs)');
  await expect(dialog.detection).toContainText('Header matched Hevy: 14 of 14 columns known');
  await expect(dialog.unitReason).toContainText('"weight_lbs" column header says lb');
  await expect(dialog.previewRows).toHaveCount(20);
  await expect(dialog.previewRows.first()).toContainText('Leg Extension (Machine)');
  await snap(page, 'imports-01-hevy-preview');
  await dialog.importInto('Sierra Hevy');
  await dialog.waitForReport();
  await expect(dialog.reportDetection).toContainText('Hevy in lb (weight_lbs)');
  const counts = await dialog.counts();
  expect(counts).toEqual({ rowsTotal: 7921, setsStored: 7921, duplicates: 0, rejected: 0 });
  await snap(page, 'imports-02-hevy-report');

  await dialog.importAnother();
  await dialog.chooseWorkoutFile(germanStrongFile());
  await expect(dialog.detectedLayout).toHaveText('Strong 2025+ (Workout #, Duration (sec), units in the headers)');
  await expect(dialog.detection).toContainText('Header matched Strong (German headers)');
  await expect(dialog.unitReason).toContainText('"Gewicht (kg)" column header says kg');
  await dialog.chooseFormat('hevy');
  await expect(dialog.refusal).toContainText('The header is that of Strong, not Hevy');
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await dialog.chooseFormat('auto');
  await dialog.chooseUnit('lb');
  await expect(dialog.unitReason).toContainText('Unit lb was chosen for this import.');
  await snap(page, 'imports-03-german-strong-preview');
  await dialog.importInto('Draven Strong');
  await dialog.waitForReport();
  await expect(dialog.reportUnit).toContainText('Loads read as lb');
  expect(await dialog.counts()).toEqual({ rowsTotal: 266, setsStored: 266, duplicates: 0, rejected: 0 });
});
