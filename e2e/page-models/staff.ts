/**
 * The accounts the e2e tests sign in with. The shared e2e studio gets its first manager from
 * `studio staff create-first` (playwright.config.ts) before it serves; the password is read
 * from the environment there, never from a command-line argument.
 */
export interface Account { name: string; username: string; password: string }

export const MANAGER: Account = {
  name: 'Mia Manager',
  username: 'mia',
  password: process.env.STUDIO_E2E_PASSWORD ?? 'Quiet-harbour-42',
};
