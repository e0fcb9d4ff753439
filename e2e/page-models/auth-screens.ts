import { expect, type Locator, type Page } from '@playwright/test';
import type { Account } from './staff';

/** The screens before the studio: first run, sign-in, lock screen (quick switch), new password. */
class AuthScreen {
  readonly root: Locator;
  readonly reason: Locator;

  constructor(readonly page: Page, readonly kind: string) {
    this.root = page.locator(`[data-testid="auth-screen"][data-kind="${kind}"]`);
    this.reason = page.getByTestId('auth-reason');
  }

  input(prefix: string, name: string): Locator {
    return this.root.getByTestId(`${prefix}-${name}`);
  }

  /** The whole field (label, input and the error or hint under it). */
  field(prefix: string, name: string): Locator {
    return this.root.getByTestId(`${prefix}-${name}-field`);
  }

  async waitFor(): Promise<void> {
    await expect(this.root).toBeVisible();
  }
}

export class FirstRunScreen extends AuthScreen {
  constructor(page: Page) { super(page, 'first-run'); }

  async create(account: Account & { passwordAgain?: string; pin?: string }): Promise<void> {
    await this.waitFor();
    await this.input('first-run', 'name').fill(account.name);
    await this.input('first-run', 'username').fill(account.username);
    await this.input('first-run', 'password').fill(account.password);
    await this.input('first-run', 'passwordAgain').fill(account.passwordAgain ?? account.password);
    if (account.pin) await this.input('first-run', 'pin').fill(account.pin);
    await this.root.getByTestId('first-run-create').click();
  }
}

export class SignInScreen extends AuthScreen {
  readonly error: Locator;
  constructor(page: Page) {
    super(page, 'sign-in');
    this.error = page.getByTestId('sign-in-error');
  }

  async signIn(account: Pick<Account, 'username' | 'password'>): Promise<void> {
    await this.waitFor();
    await this.input('sign-in', 'username').fill(account.username);
    await this.input('sign-in', 'password').fill(account.password);
    await this.root.getByTestId('sign-in-submit').click();
  }
}

export class LockScreen extends AuthScreen {
  readonly sessions: Locator;
  readonly secretField: Locator;
  constructor(page: Page) {
    super(page, 'locked');
    this.sessions = this.root.getByTestId('lock-session');
    this.secretField = this.field('lock', 'secret');
  }

  async pick(name: string): Promise<void> {
    await this.root.locator(`[data-testid="lock-session"][data-name="${name}"]`).click();
  }

  /** Types the PIN (or password) of the picked person and presses Unlock. */
  async unlock(secret: string): Promise<void> {
    await this.waitFor();
    await this.input('lock', 'secret').fill(secret);
    await this.root.getByTestId('lock-unlock').click();
  }

  async signInSomeoneElse(): Promise<SignInScreen> {
    await this.root.getByTestId('lock-sign-in-other').click();
    const screen = new SignInScreen(this.page);
    await screen.waitFor();
    return screen;
  }
}

export class ChangePasswordScreen extends AuthScreen {
  constructor(page: Page) { super(page, 'change-password'); }

  async change(current: string, next: string): Promise<void> {
    await this.waitFor();
    await this.input('password', 'currentPassword').fill(current);
    await this.input('password', 'newPassword').fill(next);
    await this.input('password', 'newPasswordAgain').fill(next);
    await this.root.getByTestId('password-save').click();
  }
}
