/**
 * Before any e2e test: the cached code-server build, installed now if it is not yet (a first install takes
 * minutes, which would otherwise count against the first test's `before` hook).
 */
import { ensureCodeServer } from '../host/codeServer';
import { closeRunBrowser } from './workbench';

export function mochaGlobalSetup(): void {
  ensureCodeServer();
}

/** After the last test: the Chromium the workbenches shared (workbench.ts). */
export async function mochaGlobalTeardown(): Promise<void> {
  await closeRunBrowser();
}
