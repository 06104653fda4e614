/**
 * What ships and how fast it starts: the production build and the .vsix (`npm run package`), their sizes, and
 * "load + activate": `require('dist/extension.js')` and `activate()` with a stand-in `vscode` module, each in a
 * fresh Node process (./loadActivate), the median of several.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './clients';

export interface StartupResult {
  readonly packaged: string | undefined;
  readonly sizes: [string, number][];
  readonly runs: number;
  readonly loadMs: number;
  readonly activateMs: number;
  /** Files of the extension that loading and activating required. */
  readonly files: string[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * `runs` fresh processes; `pack` false (the quick mode) measures the dist/ already built (by `npm test`'s
 * pretest, not minified) instead of packaging first.
 */
export function startup(runs = 15, pack = true): StartupResult {
  let packaged: string | undefined = 'not packaged (quick mode): the sizes are of the dist/ already built';
  if (pack) {
    const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    packaged = result.status === 0 ? undefined : `npm run package failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-1)[0] ?? ''}`;
  }
  const dist = path.join(ROOT, 'dist');
  const sizes: [string, number][] = [];
  for (const file of ['extension.js', 'sandbox.js']) if (existsSync(path.join(dist, file))) sizes.push([`dist/${file}`, statSync(path.join(dist, file)).size]);
  const webview = path.join(dist, 'webview');
  if (existsSync(webview)) for (const file of readdirSync(webview).filter((f) => /\.(js|css)$/.test(f)).sort()) sizes.push([`dist/webview/${file}`, statSync(path.join(webview, file)).size]);
  const vsix = path.join(ROOT, 'okx-earn.vsix');
  if (existsSync(vsix)) sizes.push(['okx-earn.vsix', statSync(vsix).size]);

  const load: number[] = [];
  const activate: number[] = [];
  let files: string[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'loadActivate.js'), path.join(dist, 'extension.js')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    try {
      const result = JSON.parse(line) as { loadMs: number; activateMs: number; files: string[] };
      load.push(result.loadMs);
      activate.push(result.activateMs);
      files = result.files;
    } catch {
      throw new Error(`load + activate: no measurement (${run.stderr.trim() || line})`);
    }
  }
  return { packaged, sizes, runs, loadMs: median(load), activateMs: median(activate), files };
}
