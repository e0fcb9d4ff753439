import { expect, type Locator, type Page } from '@playwright/test';

export interface NewStaff { name: string; username: string; role: 'manager' | 'trainer' | 'front_desk'; password: string }

/** Settings → Staff: the accounts table and its dialogs. */
export class StaffSection {
  readonly root: Locator;
  readonly rows: Locator;
  readonly addDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('staff-section');
    this.rows = this.root.getByTestId('staff-row');
    this.addDialog = page.getByTestId('add-staff-dialog');
  }

  row(username: string): Locator {
    return this.root.locator(`[data-testid="staff-row"][data-username="${username}"]`);
  }

  /** Fills and submits "Add a staff member"; the dialog stays open when the host refuses. */
  async add(staff: NewStaff): Promise<void> {
    await this.root.getByTestId('add-staff').click();
    await expect(this.addDialog).toBeVisible();
    await this.addDialog.getByTestId('staff-name').fill(staff.name);
    await this.addDialog.getByTestId('staff-username').fill(staff.username);
    await this.addDialog.getByTestId('staff-role-field').getByRole('combobox').click();
    await this.page.getByTestId(`role-option-${staff.role}`).click();
    await this.addDialog.getByTestId('staff-password').fill(staff.password);
    await this.addDialog.getByTestId('add-staff-dialog-save').click();
  }

  /** The field of the add dialog with its error text (e.g. `username`). */
  addField(name: string): Locator {
    return this.addDialog.getByTestId(`staff-${name}-field`);
  }

  async action(username: string, action: 'edit' | 'reset-password' | 'reset-pin' | 'disable' | 'enable'): Promise<void> {
    await this.row(username).getByTestId('staff-actions').click();
    await this.page.getByTestId(`staff-action-${action}`).click();
  }
}
