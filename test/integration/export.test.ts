import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DAY } from '../../src/simulator/clock';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { parseCsv } from '../unit/support/csv';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, withShortRateLimitWindows } from './helpers';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

describe('Export History to CSV, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let sim: Simulator;
  let ui: ScriptedWindow;
  let folder: string;
  const target = (name: string): vscode.Uri => vscode.Uri.file(path.join(folder, name));

  before(async () => {
    // A frozen clock: the histories do not grow while a test compares them.
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false, frozenClock: true });
    const api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'export-tests', SANDBOX_KEY);
    // The Overview's own reads (its recent earnings page through this history too) settle before any test counts requests.
    await api.renderView('overview', 2);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
    folder = mkdtempSync(path.join(tmpdir(), 'okx-earn-export-'));
    sim.faults.clear();
    sim.requests.length = 0;
  });
  afterEach(() => {
    ui.restore();
    rmSync(folder, { recursive: true, force: true });
  });

  after(async () => {
    await removeTestKey('export-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  // First in this file, and before any other suite's export (files run in name order): no folder chosen yet.
  it("the first export's save dialog opens in Downloads (else home), not in the open folder; then in the folder chosen", async () => {
    const open = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(open !== undefined, 'the tests run with a folder open');
    ui.picks.push('Last 7 days', 'Readable');
    ui.saves.push(target('lending.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), true);
    const downloads = path.join(homedir(), 'Downloads');
    const first = path.dirname(ui.saveDialogs[0]?.defaultUri?.fsPath ?? '');
    assert.equal(first, existsSync(downloads) ? downloads : homedir());
    assert.ok(!first.startsWith(open), `${first} is not under the open folder ${open}`);

    ui.picks.push('Last 7 days', 'Readable');
    ui.saves.push(undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), false);
    assert.equal(path.dirname(ui.saveDialogs[1]?.defaultUri?.fsPath ?? ''), folder, 'the folder chosen the first time');
  });

  it('Readable: the columns in words, times as UTC dates, the lending rate as a percentage; the records as in the raw form', async () => {
    ui.picks.push('Everything OKX keeps', 'Readable');
    ui.saves.push(target('readable.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), true);
    const text = readFileSync(path.join(folder, 'readable.csv'), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a byte order mark, for Excel');
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows[0], ['Time (UTC)', 'Currency', 'Amount lent', 'Earnings', 'Lending rate (a year)']);
    const history = sim.state.lendingHistory;
    assert.equal(rows.length - 1, history.length);
    const utc = (ms: number): string => iso(ms).replace('T', ' ').replace(/\.000Z$/, '');
    const percent = (fraction: string): string => `${(Number(fraction) * 100).toFixed(10).replace(/\.?0+$/, '')}%`;
    assert.deepEqual(
      rows.slice(1).map((r) => r.join()).sort(),
      history.map((r) => [utc(r.ts), r.ccy, r.amt, r.earnings, percent(r.rate)].join()).sort(),
    );
  });

  it('the Savings view exports the whole lending history, every page, into the file chosen', async () => {
    ui.picks.push('Everything OKX keeps', "OKX's raw fields");
    ui.saves.push(target('lending.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), true);

    assert.match(path.basename(ui.saveDialogs[0]?.defaultUri?.path ?? ''), /^okx-earn-savings-lending-\d{4}-\d{2}-\d{2}\.csv$/);
    const history = sim.state.lendingHistory;
    const pages = sim.received('savingsLendingHistory').length;
    assert.ok(pages >= Math.ceil(history.length / 100) && pages > 1, `${pages} pages for ${history.length} records`);
    assert.ok(ui.progress.filter((m) => /^\d+ records so far$/.test(m)).length >= pages, ui.progress.join(' | '));

    const text = readFileSync(path.join(folder, 'lending.csv'), 'utf8');
    assert.ok(text.startsWith('ts,ccy,amt,earnings,rate\r\n'), 'the header row, CRLF');
    const rows = parseCsv(text);
    assert.equal(rows.length - 1, history.length, 'every record once');
    const newest = [...history].sort((a, b) => b.ts - a.ts).find((r) => r.ccy === 'USDT');
    assert.ok(newest);
    assert.deepEqual(rows.find((r) => r[1] === 'USDT'), [iso(newest.ts), 'USDT', newest.amt, newest.earnings, newest.rate]);
    assert.deepEqual(
      rows.slice(1).map((r) => r.join()).sort(),
      history.map((r) => [iso(r.ts), r.ccy, r.amt, r.earnings, r.rate].join()).sort(),
      "exactly the simulator's records",
    );
    assert.deepEqual(readdirSync(folder), ['lending.csv'], 'no temporary file left');
    assert.deepEqual(ui.messages('info'), [`Savings lending history: ${history.length} records exported to lending.csv.`]);
  });

  it('the palette asks which history; loan interest comes order by order, with an ordId column, within the range', async () => {
    ui.picks.push('Loan interest', 'Last 7 days', "OKX's raw fields");
    ui.saves.push(target('interest.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.exportHistory'), true);
    const rows = parseCsv(readFileSync(path.join(folder, 'interest.csv'), 'utf8'));
    assert.deepEqual(rows[0], ['ordId', 'refId', 'ccy', 'loan', 'interest', 'interestRate', 'ts']);
    const since = sim.clock.now() - 7 * DAY;
    const interest = sim.state.loans.interest.filter((r) => r.ts >= since);
    assert.equal(rows.length - 1, interest.length);
    const [last] = interest.slice(-1);
    assert.ok(last);
    assert.deepEqual(rows.find((r) => r[1] === last.refId), [last.ordId, last.refId, last.ccy, last.loan, last.interest, last.interestRate, iso(last.ts)]);
    for (const { ordId } of sim.state.loans.orders) {
      assert.ok(sim.received('loanInterestAccrued').some((r) => r.params?.ordId === ordId), `order ${ordId} asked for by its id`);
    }
  });

  it('the Staking view asks which of its histories', async () => {
    ui.picks.push('ETH staking history', 'Everything OKX keeps', "OKX's raw fields");
    ui.saves.push(target('eth.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.staking.exportHistory'), true);
    const rows = parseCsv(readFileSync(path.join(folder, 'eth.csv'), 'utf8'));
    assert.deepEqual(rows[0], ['ordId', 'type', 'status', 'amt', 'redeemingAmt', 'requestTime', 'completedTime', 'estCompletedTime']);
    assert.equal(rows.length - 1, sim.state.eth.history.length);
  });

  it('a cancelled export writes nothing, and leaves a file already there as it was', async () => {
    writeFileSync(path.join(folder, 'lending.csv'), 'what was there before');
    ui.cancelProgressWhen = (message) => /records so far/.test(message);
    ui.picks.push('Everything OKX keeps', "OKX's raw fields");
    ui.saves.push(target('lending.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), false);
    assert.equal(sim.received('savingsLendingHistory').length, 1, `stopped after the page being read: ${JSON.stringify(sim.received('savingsLendingHistory').map((r) => r.params))} ${JSON.stringify(ui.progress)}`);
    assert.equal(readFileSync(path.join(folder, 'lending.csv'), 'utf8'), 'what was there before');
    assert.deepEqual(readdirSync(folder), ['lending.csv']);
    assert.deepEqual(ui.messages('info'), ['Savings lending history: export cancelled. Nothing was written.']);
  });

  it('a failed export writes nothing and says why; Retry reads it all again and writes it', async () => {
    let pages = 0;
    // The second page fails once (an OKX refusal, which is not retried by the client).
    ui.cancelProgressWhen = () => {
      pages += 1;
      if (pages === 1) sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'Parameter after error' }, endpoint: 'savingsLendingHistory', times: 1 });
      return false;
    };
    let failures = 0;
    ui.choose = (message, items) => {
      if (!/the export failed/.test(message)) return undefined;
      failures += 1;
      assert.ok(!existsSync(path.join(folder, 'lending.csv')), 'nothing written on failure');
      assert.deepEqual(readdirSync(folder), [], 'no temporary file either');
      return items.find((i) => i === 'Retry');
    };
    ui.picks.push('Everything OKX keeps', 'Readable');
    ui.saves.push(target('lending.csv'));
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), true);
    assert.equal(failures, 1);
    assert.match(ui.messages('error')[0] ?? '', /^Savings lending history: the export failed, and nothing was written\. .*\(OKX code 51000\)/);
    assert.equal(parseCsv(readFileSync(path.join(folder, 'lending.csv'), 'utf8')).length - 1, sim.state.lendingHistory.length);
  });

  it('Escape at any question exports nothing and asks OKX for nothing', async () => {
    ui.picks.push('Loan history', undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.loans.exportHistory'), false);
    ui.picks.push('Last 30 days', 'Readable');
    ui.saves.push(undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), false);
    ui.picks.push('Last 30 days', undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.savings.exportHistory'), false);
    assert.equal(ui.saveDialogs.length, 1, 'no save dialog after Escape at the columns question');
    assert.equal(sim.received('savingsLendingHistory').length + sim.received('loanHistory').length, 0);
    assert.deepEqual(readdirSync(folder), []);
  });
});
