/**
 * The export command in plain Node (the fake `vscode`, with the save dialog, the quick picks, URIs and the file
 * system stood in for here): where its save dialog opens, what it remembers, and which columns it writes.
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { downloadsOrHome, xdgDownloadFolder } from '../../../src/commands/downloadsFolder';
import { exportHistoryFlow } from '../../../src/commands/export';
import { parseCsv } from '../support/csv';
import { flowContext, memoryMemento } from '../support/flowHarness';
import { startSim, type SimHarness } from '../support/sim';

interface FakeUri {
  readonly scheme: string;
  readonly path: string;
  readonly fsPath: string;
  toString(): string;
}

const uri = (p: string): FakeUri => ({ scheme: 'file', path: p, fsPath: p, toString: () => `file://${p}` });

describe('commands/downloadsFolder: the folder an export is offered before the user chose one', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'okx-earn-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const system = (env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux') => ({ home, env, platform });

  it('the home folder when there is no Downloads folder', () => {
    assert.equal(downloadsOrHome(system()), home);
  });

  it('~/Downloads when it exists', () => {
    mkdirSync(path.join(home, 'Downloads'));
    assert.equal(downloadsOrHome(system()), path.join(home, 'Downloads'));
    assert.equal(downloadsOrHome(system({}, 'darwin')), path.join(home, 'Downloads'));
    assert.equal(downloadsOrHome(system({}, 'win32')), path.join(home, 'Downloads'));
  });

  it("on Linux, the download folder xdg-user-dirs names, in the desktop's language", () => {
    mkdirSync(path.join(home, 'Downloads'));
    mkdirSync(path.join(home, '下载'));
    mkdirSync(path.join(home, '.config'));
    writeFileSync(path.join(home, '.config', 'user-dirs.dirs'), '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOWNLOAD_DIR="$HOME/下载"\n');
    assert.equal(xdgDownloadFolder(system()), path.join(home, '下载'));
    assert.equal(downloadsOrHome(system()), path.join(home, '下载'));
    // XDG_CONFIG_HOME moves the file; a folder set to $HOME itself means "none".
    const config = path.join(home, 'elsewhere');
    mkdirSync(config);
    writeFileSync(path.join(config, 'user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="$HOME/"\n');
    assert.equal(xdgDownloadFolder(system({ XDG_CONFIG_HOME: config })), undefined);
    assert.equal(downloadsOrHome(system({ XDG_CONFIG_HOME: config })), path.join(home, 'Downloads'));
    // A folder that xdg names but that does not exist is passed over.
    writeFileSync(path.join(config, 'user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="/nowhere/at/all"\n');
    assert.equal(downloadsOrHome(system({ XDG_CONFIG_HOME: config })), path.join(home, 'Downloads'));
  });
});

describe('commands/export: the save dialog, the columns, and what is remembered', function () {
  this.timeout(30_000);
  const fake = vscode as unknown as Record<string, Record<string, unknown>>;
  const saved: { window: Record<string, unknown>; workspace: Record<string, unknown>; uri: Record<string, unknown>; env: Record<string, string | undefined> } = {
    window: {}, workspace: {}, uri: {}, env: {},
  };
  let h: SimHarness;
  let home: string;
  let workspaceFolder: string;
  let picks: string[];
  let pickTitles: string[];
  let pickLabels: string[][];
  let saves: (FakeUri | undefined)[];
  let dialogs: { defaultUri?: FakeUri }[];

  before(() => {
    const { window, workspace, Uri } = fake as unknown as { window: Record<string, unknown>; workspace: Record<string, unknown>; Uri: Record<string, unknown> };
    if (window === undefined || workspace === undefined || Uri === undefined) throw new Error('the fake vscode has no window, workspace or Uri');
    saved.window = { showQuickPick: window.showQuickPick, showSaveDialog: window.showSaveDialog };
    saved.workspace = { workspaceFolders: workspace.workspaceFolders, fs: workspace.fs };
    saved.uri = { file: Uri.file, parse: Uri.parse, joinPath: Uri.joinPath };
    saved.env = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    window.showQuickPick = (items: { label: string }[], options?: { title?: string }) => {
      pickTitles.push(options?.title ?? '');
      pickLabels.push(items.map((i) => i.label));
      const wanted = picks.shift();
      return Promise.resolve(items.find((i) => i.label === wanted));
    };
    window.showSaveDialog = (options: { defaultUri?: FakeUri }) => {
      dialogs.push(options);
      return Promise.resolve(saves.shift());
    };
    Uri.file = (p: string) => uri(p);
    Uri.parse = (text: string) => uri(text.replace(/^file:\/\//, ''));
    Uri.joinPath = (base: FakeUri, ...parts: string[]) => uri(path.posix.join(base.path, ...parts));
    workspace.fs = {
      writeFile: (target: FakeUri, data: Uint8Array) => Promise.resolve(writeFileSync(target.fsPath, data)),
      rename: (from: FakeUri, to: FakeUri) => Promise.resolve(renameSync(from.fsPath, to.fsPath)),
      delete: (target: FakeUri) => Promise.resolve(rmSync(target.fsPath, { force: true })),
    };
  });
  after(() => {
    const { window, workspace, Uri } = fake as unknown as { window: Record<string, unknown>; workspace: Record<string, unknown>; Uri: Record<string, unknown> };
    Object.assign(window, saved.window);
    Object.assign(workspace, saved.workspace);
    Object.assign(Uri, saved.uri);
    for (const [key, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  beforeEach(async () => {
    h = await startSim({ frozenClock: true });
    home = mkdtempSync(path.join(tmpdir(), 'okx-earn-home-'));
    // os.homedir() follows HOME; XDG's file is looked for under XDG_CONFIG_HOME.
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = path.join(home, '.config');
    // A folder is open (the sandbox's, inside a repository): the export must not default to it.
    workspaceFolder = path.join(home, 'repository', 'sandbox');
    mkdirSync(workspaceFolder, { recursive: true });
    const workspace = fake.workspace;
    if (workspace === undefined) throw new Error('the fake vscode has no workspace');
    workspace.workspaceFolders = [{ uri: uri(workspaceFolder), name: 'sandbox', index: 0 }];
    picks = [];
    pickTitles = [];
    pickLabels = [];
    saves = [];
    dialogs = [];
  });
  afterEach(async () => {
    await h.sim.close();
    rmSync(home, { recursive: true, force: true });
  });

  const state = (): vscode.Memento => memoryMemento() as unknown as vscode.Memento;
  const exportSavings = (memento: vscode.Memento): Promise<boolean> => exportHistoryFlow(flowContext(h.client, memento), memento, ['savings']);
  const dialogFolder = (i: number): string => path.posix.dirname(dialogs[i]?.defaultUri?.path ?? '');

  it('opens the save dialog in Downloads, not in the open folder; in the home folder when there is no Downloads', async () => {
    picks.push('Last 7 days', 'Readable');
    saves.push(undefined);
    assert.equal(await exportSavings(state()), false);
    assert.equal(dialogFolder(0), home, 'no Downloads folder: home');
    assert.match(path.posix.basename(dialogs[0]?.defaultUri?.path ?? ''), /^okx-earn-savings-lending-\d{4}-\d{2}-\d{2}\.csv$/);

    mkdirSync(path.join(home, 'Downloads'));
    picks.push('Last 7 days', 'Readable');
    saves.push(undefined);
    assert.equal(await exportSavings(state()), false);
    assert.equal(dialogFolder(1), path.join(home, 'Downloads'));
    assert.ok(!dialogFolder(1).startsWith(workspaceFolder));
  });

  it('offers the folder the user chose last time, and the columns chosen last time first', async () => {
    mkdirSync(path.join(home, 'Downloads'));
    const chosen = path.join(home, 'records');
    mkdirSync(chosen);
    const memento = state();
    picks.push('Last 7 days', "OKX's raw fields");
    saves.push(uri(path.join(chosen, 'lending.csv')));
    assert.equal(await exportSavings(memento), true);
    assert.deepEqual(pickLabels[1], ['Readable', "OKX's raw fields"], 'readable first the first time');
    assert.match(pickTitles[1] ?? '', /^Export Savings lending history: which columns\?$/);
    assert.ok(readFileSync(path.join(chosen, 'lending.csv'), 'utf8').startsWith('ts,ccy,amt,earnings,rate\r\n'), "OKX's raw fields");

    picks.push('Last 7 days', 'Readable');
    saves.push(undefined);
    assert.equal(await exportSavings(memento), false);
    assert.equal(dialogFolder(1), chosen, 'the folder chosen before');
    assert.deepEqual(pickLabels[3], ["OKX's raw fields", 'Readable'], 'the columns chosen before, first');
  });

  it('remembers the folder chosen even when that export then fails (nothing written)', async () => {
    const chosen = path.join(home, 'records');
    mkdirSync(chosen);
    const memento = state();
    h.sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'Parameter after error' }, endpoint: 'savingsLendingHistory', times: 1 });
    picks.push('Last 7 days', 'Readable');
    saves.push(uri(path.join(chosen, 'lending.csv')));
    assert.equal(await exportSavings(memento), false, 'failed, and Retry not clicked');
    assert.deepEqual(readdirSync(chosen), [], 'nothing written');
    picks.push('Last 7 days', 'Readable');
    saves.push(undefined);
    await exportSavings(memento);
    assert.equal(dialogFolder(1), chosen);
  });

  it('Readable writes the columns in words, times as UTC dates and rates as percentages, after a byte order mark', async () => {
    picks.push('Everything OKX keeps', 'Readable');
    saves.push(uri(path.join(home, 'lending.csv')));
    assert.equal(await exportSavings(state()), true);
    const text = readFileSync(path.join(home, 'lending.csv'), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a byte order mark, for Excel');
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows[0], ['Time (UTC)', 'Currency', 'Amount lent', 'Earnings', 'Lending rate (a year)']);
    assert.equal(rows.length - 1, h.sim.state.lendingHistory.length);
    for (const row of rows.slice(1)) {
      assert.match(row[0] ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:00:00$/);
      assert.match(row[4] ?? '', /^\d+(\.\d+)?%$/);
    }
  });

  it('Escape at the columns question exports nothing and opens no save dialog', async () => {
    picks.push('Last 7 days');
    assert.equal(await exportSavings(state()), false);
    assert.equal(dialogs.length, 0);
    assert.equal(h.sim.received('savingsLendingHistory').length, 0);
  });
});
