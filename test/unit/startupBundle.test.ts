import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The sources a built file holds, from its source map ("src/commands/loan.ts"). */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => path.relative(ROOT, path.resolve(path.dirname(file), source)));
}

describe('start-up: what loads before activate() (the production build)', function () {
  this.timeout(120_000);
  let out: string;
  let loaded: string[];

  before(() => {
    out = mkdtempSync(path.join(tmpdir(), 'okx-earn-startup-'));
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', `--extension-only=${out}`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    // A fresh process loads and activates it with the stand-in vscode module, as the bench does.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'out', 'bench', 'loadActivate.js'), path.join(out, 'extension.js')], { cwd: ROOT, encoding: 'utf8' });
    const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { files?: string[] };
    loaded = (result.files ?? []).map((file) => path.resolve(ROOT, file));
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('is one file: every chunk the start-up needs is in dist/extension.js', () => {
    assert.deepEqual(loaded, [path.join(out, 'extension.js')]);
  });

  it('holds no money flow, chat tool, panel host, product view or live-price socket: those load on first use', () => {
    const sources = sourcesOf(path.join(out, 'extension.js'));
    const lazy = [
      'src/commands/money.ts', 'src/commands/onchain.ts', 'src/commands/staking.ts', 'src/commands/savings.ts', 'src/commands/loan.ts', 'src/commands/okusd.ts',
      'src/commands/dual.ts', 'src/commands/pendingChecker.ts', 'src/commands/keys.ts', 'src/commands/export.ts', 'src/chat/tools.ts', 'src/panels/panels.ts',
      'src/views/overviewView.ts', 'src/views/stakingView.ts', 'src/views/savingsView.ts', 'src/views/moreEarnView.ts', 'src/views/loansView.ts',
      'src/views/productsView.ts', 'src/portfolio/liveLoanWatch.ts', 'src/okx/publicSocket.ts',
      // What each area reads loads with the first refresh; what OKX's reference calls each endpoint, never.
      'src/portfolio/areaLoaders.ts', 'src/okx/endpointDocs.ts',
    ];
    assert.deepEqual(lazy.filter((source) => sources.includes(source)), []);
    // What the views and the status bar need at once is there.
    for (const source of ['src/extension.ts', 'src/portfolio/portfolio.ts', 'src/okx/client.ts', 'src/views/ltvStatusItem.ts']) assert.ok(sources.includes(source), source);
  });

  it('stays small: each 10 KB more costs about 1 ms of start-up (npm run bench -- startup)', () => {
    const kb = statSync(path.join(out, 'extension.js')).size / 1024;
    assert.ok(kb <= 100, `dist/extension.js is ${kb.toFixed(0)} KB`);
  });
});
