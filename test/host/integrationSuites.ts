/**
 * Which integration suites run on which VS Code build. The latest build runs every suite. The lowest build we
 * support (`engines.vscode`) runs the suites that meet VS Code's own surfaces: activation, the walkthrough, tree
 * views, webview panels, the status bar, SecretStorage, chat tools, the network stack and lazy loading. It leaves
 * out the money-flow suites: they drive our flows through a scripted `vscode.window` (test/integration/helpers.ts
 * replaces its prompts), so on the lowest build they would test our own code a second time, not VS Code's
 * (OKX_EARN_INTEGRATION_FULL=1 runs them there too). No `vscode` import: the unit tests check the list.
 */

/** Basenames (without `.test.ts`) of the suites the lowest build leaves out. */
export const FLOW_SUITES: readonly string[] = ['dual', 'export', 'loans', 'money', 'okusd', 'products'];

/** The environment variable test/integration/index.ts reads: suites (basenames) not to run. */
export const SKIP_SUITES_ENV = 'OKX_EARN_INTEGRATION_SKIP';

/** The suites to leave out on `build`, as the value of SKIP_SUITES_ENV ('' for none). */
export function suitesToSkip(build: 'lowest' | 'latest', env: NodeJS.ProcessEnv = process.env): string {
  return build === 'lowest' && env.OKX_EARN_INTEGRATION_FULL !== '1' ? FLOW_SUITES.join(',') : '';
}

/** Whether test file `fileName` (e.g. `dual.test.js`) runs, given SKIP_SUITES_ENV's value. */
export function suiteRuns(fileName: string, skip: string | undefined): boolean {
  const left = new Set((skip ?? '').split(',').filter((name) => name !== ''));
  return !left.has(fileName.replace(/\.test\.[jt]s$/, ''));
}
