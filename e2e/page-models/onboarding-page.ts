import { expect, type Locator, type Page } from '@playwright/test';

/** The onboarding stepper: questionnaire → optional baseline test → review → draft plan. */
export class OnboardingPage {
  readonly root: Locator;
  readonly result: Locator;
  readonly error: Locator;
  readonly planLink: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('onboarding-page');
    this.result = page.getByTestId('onboarding-result');
    this.error = page.getByTestId('onboarding-error');
    this.planLink = page.getByTestId('onboarding-plan-link');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-onboarding').click();
    await expect(this.root).toBeVisible();
  }

  /** Step 1. `unit` is the unit the body mass is typed in. */
  async answer(a: { name: string; days: number; minutes: number; unit: 'kg' | 'lb'; bodyMass?: number }): Promise<void> {
    await this.page.getByTestId('onboarding-name').fill(a.name);
    await this.page.getByTestId(`onboarding-unit-${a.unit}`).click();
    await this.page.getByTestId('onboarding-days').fill(String(a.days));
    await this.page.getByTestId('onboarding-minutes').fill(String(a.minutes));
    if (a.bodyMass !== undefined) await this.page.getByTestId('onboarding-body-mass').fill(String(a.bodyMass));
  }

  async setDays(days: number): Promise<void> {
    await this.page.getByTestId('onboarding-days').fill(String(days));
  }

  /** The helper text under the days-per-week field (the host's message for that field). */
  daysError(): Locator {
    return this.page.getByTestId('onboarding-questionnaire').locator('.Mui-error').filter({ hasText: /days/ }).last();
  }

  async next(): Promise<void> {
    await this.page.getByTestId('onboarding-next').click();
  }

  /** Step 2: one submaximal set per lift, in the unit shown. */
  async baselineTest(tests: Array<{ lift: string; load: number; reps: number; rir: number }>): Promise<void> {
    await this.page.getByTestId('onboarding-do-test').check();
    for (const t of tests) {
      await this.page.getByTestId(`test-${t.lift}-load`).fill(String(t.load));
      await this.page.getByTestId(`test-${t.lift}-reps`).fill(String(t.reps));
      await this.page.getByTestId(`test-${t.lift}-rir`).fill(String(t.rir));
    }
  }

  reviewTest(): Locator {
    return this.page.getByTestId('review-test');
  }

  async create(): Promise<void> {
    await this.page.getByTestId('onboarding-create').click();
  }

  /** The "where the numbers come from" cell of an exercise in the result. */
  sourceOf(exerciseId: string): Locator {
    return this.page.getByTestId(`source-${exerciseId}`).getByTestId('source-kind');
  }

  sourceKinds(): Locator {
    return this.page.getByTestId('onboarding-sources').getByTestId('source-kind');
  }
}
