import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The part of a canvas element read here (the Node tsconfig has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

export class MemberPage {
  readonly root: Locator;
  readonly e1rmCanvas: Locator;
  readonly volumeCanvas: Locator;
  readonly rirSection: Locator;
  readonly rirBias: Locator;
  readonly rirSetsLearnt: Locator;
  readonly rirEmpty: Locator;
  readonly rirRecentCanvas: Locator;
  readonly rirAccuracyCanvas: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('member-page');
    this.e1rmCanvas = page.getByTestId('e1rm-section').locator('canvas');
    this.volumeCanvas = page.getByTestId('volume-section').locator('canvas');
    this.rirSection = page.getByTestId('rir-section');
    this.rirBias = this.rirSection.getByTestId('rir-bias');
    this.rirSetsLearnt = this.rirSection.getByTestId('rir-sets-learnt');
    this.rirEmpty = this.rirSection.getByTestId('rir-empty');
    this.rirRecentCanvas = this.rirSection.getByTestId('rir-recent').locator('canvas');
    this.rirAccuracyCanvas = this.rirSection.getByTestId('rir-accuracy').locator('canvas');
  }

  /**
   * Pixels of the canvas that carry colour (not white, black or grey): the plotted lines or bars,
   * not the axes, grid or labels.
   */
  async colouredPixels(canvas: Locator): Promise<number> {
    await expect(canvas).toBeVisible();
    return canvas.evaluate((el) => {
      const c = el as unknown as CanvasLike;
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 100 && Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
      }
      return n;
    });
  }

  /** Waits for the RIR section to load; true when it shows what the model learnt, false for the empty state. */
  async hasRirData(): Promise<boolean> {
    await expect(this.rirBias.or(this.rirEmpty)).toBeVisible({ timeout: 30_000 });
    return this.rirBias.isVisible();
  }

  async generatePlan(options: { weeks: number }): Promise<void> {
    await this.page.getByTestId('generate-weeks').fill(String(options.weeks));
    await this.page.getByTestId('generate-plan').click();
    await expect(this.page.getByTestId('plan-page')).toBeVisible({ timeout: 60_000 });
  }

  /** "Export data" (managers): resolves to every downloaded file once the studio says how many it made. */
  async exportData(): Promise<Array<{ fileName: string; content: string }>> {
    const downloads: Download[] = [];
    const onDownload = (d: Download) => { downloads.push(d); };
    this.page.on('download', onDownload);
    await this.page.getByTestId('export-member').click();
    const message = this.page.getByTestId('message-alert');
    await expect(message).toContainText(/Exported \d+ files/);
    const count = Number(/Exported (\d+) files/.exec((await message.textContent()) ?? '')![1]);
    await expect.poll(() => downloads.length).toBe(count);
    this.page.off('download', onDownload);
    return Promise.all(downloads.map(async (d) => ({ fileName: d.suggestedFilename(), content: await readFile(await d.path(), 'utf8') })));
  }

  /** "Erase member" (managers): the dialog asks for the name, which is typed, then confirmed. */
  async erase(name: string): Promise<Locator> {
    await this.page.getByTestId('erase-member').click();
    const dialog = this.page.getByTestId('erase-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('erase-confirm')).toBeDisabled();
    await dialog.getByTestId('erase-confirm-name').fill(name);
    return dialog;
  }
}
