import { expect, type Locator, type Page } from '@playwright/test';
import type { OpName } from '../../main/contract/index';
import { MANAGER, type Account } from './staff';
import { SignInScreen } from './auth-screens';

export interface ApiAnswer<T> { status: number; ok: boolean; value?: T; error?: { reason: string; message: string; field?: string } }

/** The frame around every page: app bar (who is signed in, Lock, account menu) and left nav. */
export class StudioApp {
  readonly title: Locator;
  readonly signedInAs: Locator;
  readonly lockButton: Locator;
  readonly errorAlert: Locator;
  readonly messageAlert: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('app-title');
    this.signedInAs = page.getByTestId('signed-in-as');
    this.lockButton = page.getByTestId('lock-button');
    this.errorAlert = page.getByTestId('error-alert');
    this.messageAlert = page.getByTestId('message-alert');
  }

  /**
   * Opens the studio and signs in (sessionStorage is per tab: every test signs in once). The
   * "Set your PIN" prompt that follows a sign-in without a PIN is skipped.
   */
  async open(account: Account = MANAGER, url = '/'): Promise<void> {
    await this.page.goto(url);
    await new SignInScreen(this.page).signIn(account);
    await expect(this.title).toHaveText('Trainer Studio');
    await this.skipPinPrompt();
  }

  async skipPinPrompt(): Promise<void> {
    const prompt = this.page.getByTestId('set-pin-dialog');
    if (await prompt.isVisible()) {
      await prompt.getByTestId('set-pin-skip').click();
      await expect(prompt).toBeHidden();
    }
  }

  /** The token of a session in this tab (the active one by default): what the renderer sends as `Authorization: Bearer`. */
  async token(staffId?: number): Promise<string | null> {
    return this.page.evaluate((id) => {
      const list = JSON.parse(window.sessionStorage.getItem('studio.sessions') ?? 'null') as
        { sessions: Array<{ staffId: number; token: string | null }>; activeId: number | null } | null;
      return list?.sessions.find((s) => s.staffId === (id ?? list.activeId))?.token ?? null;
    }, staffId);
  }

  /**
   * Calls the API of the studio this page shows (same origin, JSON), as the tab's active
   * session or, with `asStaffId`, as another session signed in at this tab.
   */
  async call<T>(name: OpName, input: unknown = {}, asStaffId?: number): Promise<ApiAnswer<T>> {
    return this.callWithToken<T>(await this.token(asStaffId), name, input);
  }

  /** Calls the API of the studio this page shows with a given token (or none). */
  async callWithToken<T>(token: string | null, name: OpName, input: unknown = {}): Promise<ApiAnswer<T>> {
    const res = await this.page.request.post(`${new URL(this.page.url()).origin}/api/${name}`, {
      data: input, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status(), ...((await res.json()) as Omit<ApiAnswer<T>, 'status'>) };
  }

  async showUnit(unit: 'kg' | 'lb'): Promise<void> {
    await this.page.getByTestId('unit-toggle').getByRole('button', { name: unit, exact: true }).click();
  }

  async goToPlans(): Promise<void> {
    await this.page.getByTestId('nav-plans').click();
  }

  async goToMembers(): Promise<void> {
    await this.page.getByTestId('nav-members').click();
  }

  async goToModels(): Promise<void> {
    await this.page.getByTestId('nav-models').click();
    await expect(this.page.getByTestId('models-page')).toBeVisible();
  }

  async goToWeeklyReview(): Promise<void> {
    await this.page.getByTestId('nav-weekly').click();
    await expect(this.page.getByTestId('weekly-page')).toBeVisible();
  }

  async openAccountMenu(): Promise<Locator> {
    await this.page.getByTestId('account-button').click();
    const menu = this.page.getByTestId('account-menu');
    await expect(menu.getByRole('menu')).toBeVisible();
    return menu;
  }

  async signOut(): Promise<void> {
    const menu = await this.openAccountMenu();
    await menu.getByTestId('menu-sign-out').click();
    await expect(this.title).toBeHidden();
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
    await expect(this.page.getByTestId('auth-screen')).toHaveAttribute('data-kind', 'locked');
  }
}
