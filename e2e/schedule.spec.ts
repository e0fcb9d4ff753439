/**
 * The club manager's scheduling week (issue 5): load the demo club, optimize two scenarios with
 * different weights, compare them, move classes on the board (a refused clash, an accepted move,
 * undo), publish, export the calendar, re-plan around a sick trainer and publish the new draft.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { ClubSetupPage } from './page-models/club-setup-page';
import { SchedulePage } from './page-models/schedule-page';
import { snap, snapElement } from './page-models/shots';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

test('a manager sets up the club, optimizes, compares, edits, publishes, exports and covers a sick trainer', async ({ page }) => {
  const app = new StudioApp(page);
  const club = new ClubSetupPage(page);
  const schedule = new SchedulePage(page);

  await app.open();
  await expect(app.signedInAs).toHaveAttribute('data-role', 'manager');

  await club.open();
  await club.loadDemoClub();
  await expect(club.roomRows.first()).toBeVisible();
  await expect(club.classTypeRows.first().getByTestId('class-colour')).toBeVisible();
  await expect(club.trainerRows.first().getByTestId('trainer-availability')).toHaveText(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d–\d\d:\d\d/);
  await expect(club.demandSource).toContainText('calibrated on 84 class attendance records');
  // Import more class history from a file: demand is calibrated on it too.
  const history = 'date,class_type,start,room,capacity,booked,attended,waitlisted,trainer\n'
    + '2026-11-03,spin,18:00,cycle,20,20,19,5,ben\n2026-11-10,spin,18:00,cycle,20,20,20,7,ben\n';
  await page.getByTestId('import-history-file').setInputFiles({ name: 'classes.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
  await expect(club.demandSource).toContainText('calibrated on 86 class attendance records');
  await snap(page, 'schedule-01-club-setup');

  await schedule.open();
  const week = await schedule.week();
  const progressA = await schedule.optimize('Attendance first');
  expect(progressA.length).toBeGreaterThan(0);
  await expect(schedule.scenarioRow('Attendance first').getByTestId('scenario-status')).toHaveText('draft');
  await expect(schedule.summary.getByTestId('score-attendance')).toHaveText(/^\d+\.\d{3}$/);
  await expect(schedule.blocks.first()).toBeVisible();
  await snap(page, 'schedule-02-optimized');

  await schedule.optimize('Fewer idle hours', { idle: 0.6, attendance: 0.2 });
  await expect(schedule.summary.getByTestId('summary-weights')).toContainText('idle 0.6');
  await schedule.compare(['Attendance first', 'Fewer idle hours']);
  await expect(schedule.comparison.getByTestId('compare-header')).toHaveCount(2);
  await expect(schedule.comparison.locator('[data-testid="compare-row"][data-key="attendance"]')).toBeVisible();
  await expect(schedule.comparison.getByTestId('compare-only-in')).toHaveCount(2);
  // Weighting idle time more gives trainers fewer idle minutes (the board differs).
  const idle = (await schedule.comparison.locator('[data-testid="compare-row"][data-key="idleMinutes"] [data-testid="compare-value"]').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  expect(idle[1]).toBeLessThan(idle[0]!);
  await snapElement(page, schedule.comparison, 'schedule-03-compare');

  // Edit the first scenario on the board.
  await schedule.select('Attendance first');
  const classes = await schedule.classes();
  const first = classes[0]!;
  const other = classes.find((c) => c.roomId !== first.roomId || c.weekday !== first.weekday || c.startMin !== first.startMin)!;
  await schedule.drag(first, other);
  await expect(schedule.refusal).toBeVisible();
  await expect(schedule.refusal).toContainText(/\w{4,}/);
  await expect(schedule.blockAt(first)).toBeVisible();
  await expect(schedule.undoButton).toBeDisabled();
  await snap(page, 'schedule-04-move-refused');

  let moved: { from: typeof first; to: { weekday: number; startMin: number; roomId: string } } | null = null;
  for (const cls of classes) {
    const to = await schedule.freePlaceFor(cls, classes);
    if (to) { moved = { from: cls, to }; break; }
  }
  expect(moved, 'a class with a free place on its day').not.toBeNull();
  await schedule.drag(moved!.from, moved!.to);
  await expect(schedule.blockAt(moved!.to)).toBeVisible();
  await expect(schedule.blockAt(moved!.from)).toHaveCount(0);
  await expect(schedule.refusal).toBeHidden();
  await expect(schedule.summary.getByTestId('summary-edits')).toHaveText('1');
  await snap(page, 'schedule-05-moved');
  await schedule.undoButton.click();
  await expect(schedule.blockAt(moved!.from)).toBeVisible();
  await expect(schedule.blockAt(moved!.to)).toHaveCount(0);
  await expect(schedule.undoButton).toBeDisabled();

  // Class details with ranked substitutes.
  await schedule.blockAt(first).click();
  const details = page.getByTestId('class-details');
  await expect(details.getByTestId('class-prediction')).toContainText('±');
  await expect(details.getByTestId('substitute').first().or(details.getByTestId('substitutes-none'))).toBeVisible();
  await details.getByTestId('class-details-close').click();

  // Remove a class from the draft, then bring it back with Undo.
  const before = await schedule.blocks.count();
  await schedule.blockAt(first).click();
  await details.getByTestId('remove-class').click();
  await expect(schedule.blocks).toHaveCount(before - 1);
  await expect(schedule.blockAt(first)).toHaveCount(0);
  await schedule.undoButton.click();
  await expect(schedule.blocks).toHaveCount(before);
  await expect(schedule.blockAt(first)).toBeVisible();

  // Publish: the board becomes read-only.
  await schedule.publish();
  await expect(schedule.board).toHaveAttribute('data-editable', 'false');
  await expect(page.getByTestId('board-hint')).toContainText('Duplicate to edit');
  const classCount = await schedule.blocks.count();
  const ical = await schedule.exportIcal();
  expect(ical.fileName).toMatch(/\.ics$/);
  expect(ical.content.match(/BEGIN:VEVENT/g)?.length).toBe(classCount);
  await expect(page.getByTestId('adjustments')).toBeVisible();
  await snap(page, 'schedule-06-published');

  // The demo history has a consistently full Yoga class: apply "add" in a new draft; the published week stays.
  const add = page.locator('[data-testid="adjustment-card"][data-kind="add"]').first();
  await expect(add).toBeVisible();
  await add.getByTestId('apply-adjustment').click();
  await expect(schedule.panel).toHaveAttribute('data-status', 'draft');
  await expect(schedule.blocks).toHaveCount(classCount + 1);
  await expect(schedule.scenarioRow('Attendance first').getByTestId('scenario-status')).toHaveText('published');
  await schedule.select('Attendance first');

  // A trainer falls ill on the day of one of their classes.
  const sick = (await schedule.classes())[0]!;
  const sickName = (await schedule.blockAt(sick).getByTestId('class-trainer-name').textContent()) ?? '';
  const sickDate = addDays(week, sick.weekday);
  const dialog = await schedule.trainerUnavailable(sickName, [sickDate]);
  await expect(dialog.getByTestId('absence-affected').first()).toBeVisible();
  await expect(dialog.getByTestId('absence-summary')).toContainText('unchanged');
  await expect(dialog.getByTestId('absence-change').first()).toBeVisible();
  await snapElement(page, dialog.locator('.MuiDialog-paper'), 'schedule-07-trainer-unavailable');

  await dialog.getByTestId('open-absence-draft').click();
  await expect(dialog).toBeHidden();
  await expect(schedule.panel).toHaveAttribute('data-status', 'draft');
  await schedule.publish();
  await expect(schedule.scenarioRow('Attendance first').getByTestId('scenario-status')).toHaveText('superseded');
  await snap(page, 'schedule-08-replaced');
});

test('an impossible week is explained in words, and the setup change is undone', async ({ page }) => {
  const app = new StudioApp(page);
  const club = new ClubSetupPage(page);
  await app.open();
  await expect(app.signedInAs).toHaveAttribute('data-role', 'manager');
  await club.open();
  if ((await club.root.getAttribute('data-empty')) === 'true') await club.loadDemoClub();

  // Ask for 40 Reformer Pilates classes a week: only one room has reformers.
  const pilates = club.classTypeRows.filter({ hasText: 'Reformer Pilates' });
  await pilates.getByTestId('setup-class-types-edit').click();
  const dialog = page.getByTestId('setup-class-types-dialog');
  await dialog.getByTestId('field-maxPerWeek').fill('40');
  await dialog.getByTestId('field-minPerWeek').fill('40');
  await dialog.getByTestId('item-dialog-save').click();
  await club.saveButton.click();
  await expect(page.getByTestId('message-alert')).toContainText('Club setup saved');
  await expect(pilates).toContainText('40–40');

  await page.getByTestId('nav-schedule').click();
  await page.getByTestId('optimize').click();
  const optimize = page.getByTestId('optimize-dialog');
  await optimize.getByTestId('optimize-run').click();
  const explanation = optimize.getByTestId('optimize-explanation');
  await expect(explanation).toContainText('This week cannot be scheduled', { timeout: 120_000 });
  await expect(explanation).toContainText('Reformer Pilates');
  await snapElement(page, optimize.locator('.MuiDialog-paper'), 'schedule-09-impossible-week');
  await optimize.getByTestId('optimize-close').click();

  await club.open();
  await page.getByTestId('undo-setup').click();
  await expect(page.getByTestId('message-alert')).toContainText('The earlier club setup is back');
  await expect(pilates).not.toContainText('40–40');
});
