/**
 * What ships and how fast it starts: the production build and the .vsix (`npm run package`), their sizes, and
 * "load + activate": `require('dist/extension.js')` and `activate()` with a stand-in `vscode` module, each in a
 * fresh Node process (./loadActivate), the median of several. With a "before" bundle (./before), both are
 * measured in turns, one process each, so that the machine's load weighs on both alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './clients';

export interface LoadFigures {
  /** Wall time of `require()`, and the process's CPU time meanwhile (what the machine's load disturbs least). */
  readonly loadMs: number;
  readonly loadCpuMs: number;
  readonly activateMs: number;
  /** Files of the extension that loading and activating required. */
  readonly files: string[];
  /** The size of what they are, in bytes. */
  readonly loadedBytes: number;
}

export interface StartupResult {
  readonly packaged: string | undefined;
  readonly sizes: [string, number][];
  readonly runs: number;
  readonly after: LoadFigures;
  readonly before: LoadFigures | undefined;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

interface OneRun {
  loadMs: number;
  loadCpuMs: number;
  activateMs: number;
  files: string[];
}

function loadOnce(bundle: string): OneRun {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'loadActivate.js'), bundle], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as OneRun;
  } catch {
    throw new Error(`load + activate of ${bundle}: no measurement (${run.stderr.trim() || line})`);
  }
}

function figures(runs: OneRun[]): LoadFigures {
  const files = runs[0]?.files ?? [];
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    loadCpuMs: median(runs.map((r) => r.loadCpuMs)),
    activateMs: median(runs.map((r) => r.activateMs)),
    files,
    loadedBytes: files.reduce((sum, file) => sum + statSync(path.resolve(ROOT, file)).size, 0),
  };
}

/**
 * `runs` fresh processes (each); `pack` false (the quick mode) measures the dist/ already built (by `npm test`'s
 * pretest, not minified) instead of packaging first; `beforeBundle`: another build to measure in turns with it.
 */
export function startup(runs = 15, pack = true, beforeBundle?: string): StartupResult {
  let packaged: string | undefined = 'not packaged (quick mode): the sizes are of the dist/ already built';
  if (pack) {
    const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    packaged = result.status === 0 ? undefined : `npm run package failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-1)[0] ?? ''}`;
  }
  const dist = path.join(ROOT, 'dist');
  const sizes: [string, number][] = [];
  for (const file of ['extension.js', 'sandbox.js']) if (existsSync(path.join(dist, file))) sizes.push([`dist/${file}`, statSync(path.join(dist, file)).size]);
  const lazy = readdirSync(dist).filter((f) => f.startsWith('lazy-') && f.endsWith('.js'));
  if (lazy.length > 0) sizes.push([`dist/lazy-*.js (${lazy.length} files, loaded on first use)`, lazy.reduce((sum, f) => sum + statSync(path.join(dist, f)).size, 0)]);
  const webview = path.join(dist, 'webview');
  if (existsSync(webview)) for (const file of readdirSync(webview).filter((f) => /\.(js|css)$/.test(f)).sort()) sizes.push([`dist/webview/${file}`, statSync(path.join(webview, file)).size]);
  const vsix = path.join(ROOT, 'okx-earn.vsix');
  if (existsSync(vsix)) sizes.push(['okx-earn.vsix', statSync(vsix).size]);

  const after: OneRun[] = [];
  const before: OneRun[] = [];
  for (let i = 0; i < runs; i++) {
    if (beforeBundle !== undefined) before.push(loadOnce(beforeBundle));
    after.push(loadOnce(path.join(dist, 'extension.js')));
  }
  return { packaged, sizes, runs, after: figures(after), before: beforeBundle === undefined ? undefined : figures(before) };
}
