/**
 * Which integration suites run on which VS Code build. The latest build runs every suite. The lowest build we
 * support (`engines.vscode`) runs one suite per surface of VS Code's that we use: activation, the walkthrough, tree
 * views and the status bar (sidebar), SecretStorage and profiles (profiles), webview panels (panels), chat tools,
 * the network stack (VS Code's proxy patching), the public WebSocket on its older Node (statusBarLive), the More
 * Earn tree and lazy loading. It leaves out the suites that drive our own flows and figures through those same surfaces: the
 * money-flow suites run them through a scripted `vscode.window` (test/integration/helpers.ts replaces its
 * prompts), and the Overview, Compare, auto-earn, valuation-unit, More Earn panel and refresh-plan suites check our
 * figures and requests in tree views and panels the surface suites already open. On the lowest build they would
 * test our own code a second time, not VS Code's (OKX_EARN_INTEGRATION_FULL=1 runs them there too). No `vscode`
 * import: the unit tests check the list.
 */

/** Basenames (without `.test.ts`) of the suites the lowest build leaves out. */
export const LATEST_ONLY_SUITES: readonly string[] = [
  // Money flows.
  'autoEarn', 'compare', 'dual', 'export', 'loans', 'money', 'moneyOutcomes', 'okusd', 'products',
  // Our figures and requests, in views and panels the surface suites meet.
  'overview', 'panelsMoreEarn', 'refreshPlan', 'valuationUnit',
];

/**
 * Tests of our own logic inside the surface suites, by their exact titles, run on the latest build only: what a
 * live price move costs in requests, how a year of rates loads page by page, what a chart keeps between sessions,
 * and OKX's real limits kept through two refreshes. The unit tests check that each title exists.
 */
export const LATEST_ONLY_TESTS: readonly string[] = [
  'a price move that crosses nothing costs no request',
  'a year still loading says how far back it reaches so far; back to 30 days meanwhile, the finished chart is not "loading"',
  'a chart opened again in a new session shows the kept history and asks OKX only for the newest page',
  "keeps OKX's real rate limits: two full refreshes in a row, none refused with 50011, no endpoint over its count in any window",
];

/** The environment variable test/integration/index.ts reads: suites (basenames) not to run. */
export const SKIP_SUITES_ENV = 'OKX_EARN_INTEGRATION_SKIP';

/** The suites to leave out on `build`, as the value of SKIP_SUITES_ENV ('' for none). */
export function suitesToSkip(build: 'lowest' | 'latest', env: NodeJS.ProcessEnv = process.env): string {
  return build === 'lowest' && env.OKX_EARN_INTEGRATION_FULL !== '1' ? LATEST_ONLY_SUITES.join(',') : '';
}

/** Whether test file `fileName` (e.g. `dual.test.js`) runs, given SKIP_SUITES_ENV's value. */
export function suiteRuns(fileName: string, skip: string | undefined): boolean {
  const left = new Set((skip ?? '').split(',').filter((name) => name !== ''));
  return !left.has(fileName.replace(/\.test\.[jt]s$/, ''));
}

/** Whether a test titled `title` runs, given SKIP_SUITES_ENV's value (set on the lowest build only). */
export function testRuns(title: string, skip: string | undefined): boolean {
  return (skip ?? '') === '' || !LATEST_ONLY_TESTS.includes(title);
}
