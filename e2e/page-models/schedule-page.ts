import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { StudioApp } from './studio-app';

export interface Place { weekday: number; startMin: number; roomId: string }
export interface BoardClass extends Place { index: number; endMin: number; trainerId: string; classType: string }
interface Window { weekday: number; startMin: number; endMin: number }
interface ClubData { openingHours: Window[]; slotMin: number; trainerGapMin: number; trainers: Array<{ id: string; name: string; availability: Window[] }> }

/** The class schedule: scenarios of a week, the week board, optimize, compare, publish, export, absences. */
export class SchedulePage {
  readonly root: Locator;
  readonly board: Locator;
  readonly blocks: Locator;
  readonly panel: Locator;
  readonly summary: Locator;
  readonly refusal: Locator;
  readonly undoButton: Locator;
  readonly comparison: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('schedule-page');
    this.board = page.getByTestId('week-board');
    this.blocks = this.board.getByTestId('class-block');
    this.panel = page.getByTestId('scenario-panel');
    this.summary = page.getByTestId('scenario-summary');
    this.refusal = page.getByTestId('move-refusal');
    this.undoButton = page.getByTestId('undo-move');
    this.comparison = page.getByTestId('comparison');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-schedule').click();
    await expect(this.root).toBeVisible();
  }

  async week(): Promise<string> {
    return (await this.root.getAttribute('data-week')) ?? '';
  }

  scenarioRow(name: string): Locator {
    return this.page.getByTestId('scenario-row').filter({ has: this.page.getByTestId('scenario-name').getByText(name, { exact: true }) });
  }

  /**
   * Optimizes the week into a draft called `name`; returns the progress lines seen. The optional
   * weights are typed into the number fields beside the sliders.
   */
  async optimize(name: string, weights: Record<string, number> = {}): Promise<string[]> {
    await this.page.getByTestId('optimize').click();
    const dialog = this.page.getByTestId('optimize-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('optimize-name').fill(name);
    for (const [key, value] of Object.entries(weights)) await dialog.getByTestId(`weight-${key}-input`).fill(String(value));
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __optimizeProgress: string[] }).__optimizeProgress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="optimize-progress-message"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dialog.getByTestId('optimize-run').click();
    await expect(dialog).toBeHidden({ timeout: 120_000 });
    await expect(this.page.getByTestId('scenario-title')).toHaveText(name);
    return this.page.evaluate(() => (window as unknown as { __optimizeProgress: string[] }).__optimizeProgress);
  }

  async select(name: string): Promise<void> {
    await this.scenarioRow(name).getByTestId('scenario-name').click();
    await expect(this.page.getByTestId('scenario-title')).toHaveText(name);
  }

  async compare(names: string[]): Promise<void> {
    for (const n of names) await this.scenarioRow(n).getByTestId('compare-checkbox').check();
    await this.page.getByTestId('compare-scenarios').click();
    await expect(this.comparison).toBeVisible();
  }

  /** Every class on the board as its data attributes say. */
  async classes(): Promise<BoardClass[]> {
    return this.blocks.evaluateAll((els) => els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return {
        index: Number(d.index), weekday: Number(d.weekday), startMin: Number(d.start), endMin: Number(d.end),
        roomId: d.roomId ?? '', trainerId: d.trainerId ?? '', classType: d.classType ?? '',
      };
    }));
  }

  blockAt(place: Place): Locator {
    return this.board.locator(`[data-testid="class-block"][data-weekday="${place.weekday}"][data-start="${place.startMin}"][data-room-id="${place.roomId}"]`);
  }

  /**
   * Drags a class block (HTML5 drag and drop, with the mouse) so that it starts at `to`. Scrolls
   * first so that both the grabbed point and the drop point are on screen.
   */
  async drag(from: Place, to: Place): Promise<void> {
    const axisStart = Number(await this.board.getAttribute('data-axis-start'));
    const pxPerMin = Number(await this.board.getAttribute('data-px-per-min'));
    const cell = this.board.locator(`[data-testid="board-cell"][data-weekday="${to.weekday}"][data-room-id="${to.roomId}"]`);
    const block = this.blockAt(from);
    const pagePoint = (l: Locator, dy: number) => l.evaluate((e, d) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + window.scrollX + 4, y: r.top + window.scrollY + d };
    }, dy);
    const a = await pagePoint(block, 4);
    const b = await pagePoint(cell, (to.startMin - axisStart) * pxPerMin + 4);
    const viewport = this.page.viewportSize()!;
    const scrollY = Math.max(0, (a.y + b.y) / 2 - viewport.height / 2);
    await this.page.evaluate((y) => window.scrollTo(0, y), scrollY);
    const top = await this.page.evaluate(() => window.scrollY);
    await this.page.mouse.move(a.x, a.y - top);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y - top, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The club as the host has it (for finding a free, valid place to move a class to). */
  async club(): Promise<ClubData> {
    const res = await new StudioApp(this.page).call<ClubData>('schedule/club');
    if (!res.ok) throw new Error(`schedule/club: ${res.error?.reason} ${res.error?.message}`);
    return res.value!;
  }

  /**
   * A slot on the grid of the same day, room and trainer where the class fits the opening hours and
   * the trainer's availability and clashes with nothing (room, or the trainer's break).
   */
  async freePlaceFor(cls: BoardClass, all: BoardClass[]): Promise<Place | null> {
    const club = await this.club();
    const dur = cls.endMin - cls.startMin;
    const trainer = club.trainers.find((t) => t.id === cls.trainerId);
    const inside = (ws: Window[], s: number) => ws.some((w) => w.weekday === cls.weekday && w.startMin <= s && s + dur <= w.endMin);
    const others = all.filter((c) => c.index !== cls.index && c.weekday === cls.weekday);
    for (const open of club.openingHours.filter((w) => w.weekday === cls.weekday)) {
      for (let s = open.startMin; s + dur <= open.endMin; s += club.slotMin) {
        if (s === cls.startMin || !trainer || !inside(trainer.availability, s)) continue;
        const roomFree = others.every((c) => c.roomId !== cls.roomId || c.endMin <= s || c.startMin >= s + dur);
        const gap = club.trainerGapMin;
        const trainerFree = others.every((c) => c.trainerId !== cls.trainerId || c.endMin + gap <= s || c.startMin >= s + dur + gap);
        if (roomFree && trainerFree) return { weekday: cls.weekday, startMin: s, roomId: cls.roomId };
      }
    }
    return null;
  }

  async publish(): Promise<void> {
    await this.page.getByTestId('publish-scenario').click();
    const dialog = this.page.getByTestId('publish-dialog');
    await expect(dialog).toBeVisible();
    const replace = dialog.getByTestId('publish-replace');
    if (await replace.isVisible()) {
      await expect(dialog.getByTestId('publish-confirm')).toBeDisabled();
      await replace.getByRole('checkbox').check();
    }
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(this.panel).toHaveAttribute('data-status', 'published');
  }

  /** Exports the club's published week; returns the downloaded file's text. */
  async exportIcal(): Promise<{ fileName: string; content: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-ical').click();
    const file = await download;
    return { fileName: file.suggestedFilename(), content: await readFile(await file.path(), 'utf8') };
  }

  /** Marks a trainer unavailable on dates of the published week and waits for the re-plan. */
  async trainerUnavailable(trainerName: string, dates: string[]): Promise<Locator> {
    await this.page.getByTestId('trainer-unavailable').click();
    const dialog = this.page.getByTestId('unavailable-dialog');
    await dialog.getByTestId('unavailable-trainer').getByRole('combobox').click();
    await this.page.getByRole('option', { name: trainerName, exact: true }).click();
    for (const d of dates) await dialog.getByTestId(`unavailable-date-${d}`).check();
    await dialog.getByTestId('unavailable-run').click();
    await expect(dialog.getByTestId('absence-result')).toBeVisible({ timeout: 120_000 });
    return dialog;
  }
}
