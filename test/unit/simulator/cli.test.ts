import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { parseCliArgs } from '../../../src/simulator/cli';
import { SANDBOX_CREDENTIALS, Simulator } from '../../../src/simulator/server';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Starts `npm run simulator -- …` as the README documents it; resolves with its printed URL and credentials. */
function runSimulatorCommand(args: string[]): Promise<{ url: string; apiKey: string; secretKey: string; passphrase: string; stop: () => Promise<unknown> }> {
  const child = spawn('npm', ['run', '--silent', 'simulator', '--', ...args], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const field = (name: string): string => new RegExp(`${name}\\s+(\\S+)`).exec(out)?.[1] ?? '';
      if (url !== undefined && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({
          url, apiKey: field('API key'), secretKey: field('secret key'), passphrase: field('passphrase'),
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              process.kill(-(child.pid ?? 0), 'SIGINT');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}:\n${out}`)));
  });
}

describe('simulator: the standalone command and its state file', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'okx-sim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses the documented options and refuses others', () => {
    const parsed = parseCliArgs(['--port', '0', '--api-key', 'k', '--secret-key', 's', '--passphrase', 'p', '--state', 'f.json', '--read-only', '--demo', '--region', 'us', '--still-prices']);
    assert.deepEqual(parsed, { port: 0, apiKey: 'k', secretKey: 's', passphrase: 'p', stateFile: 'f.json', readOnly: true, demo: true, region: 'us', priceMotion: false, faults: [] });
    assert.deepEqual(parseCliArgs([]), { port: 8787, ...SANDBOX_CREDENTIALS, stateFile: undefined, readOnly: false, demo: false, region: 'global', priceMotion: true, faults: [] });
    assert.equal(parseCliArgs(['--help']), 'help');
    assert.throws(() => parseCliArgs(['--port', 'x']), /--port/);
    assert.throws(() => parseCliArgs(['--region', 'mars']), /--region/);
    assert.throws(() => parseCliArgs(['--api-key']), /needs a value/);
    assert.throws(() => parseCliArgs(['--bogus']), /Unknown option --bogus/);
  });

  it('--fault SPEC (repeatable): the bad days and the older kinds, with clear errors for bad specs', () => {
    const faults = (...specs: string[]): unknown => {
      const parsed = parseCliArgs(specs.flatMap((spec) => ['--fault', spec]));
      return parsed === 'help' ? parsed : parsed.faults;
    };
    assert.deepEqual(faults('late:okusdSubscribe:50004:3000', 'late:dualTrade:hang:5000', 'late:loanBorrow:502:200:x1', 'late:*:drop:10'), [
      { fault: { kind: 'late', answer: { code: '50004' }, afterMs: 3000 }, endpoint: 'okusdSubscribe' },
      { fault: { kind: 'late', answer: 'hang', afterMs: 5000 }, endpoint: 'dualTrade' },
      { fault: { kind: 'late', answer: { httpStatus: 502 }, afterMs: 200 }, endpoint: 'loanBorrow', times: 1 },
      { fault: { kind: 'late', answer: 'drop', afterMs: 10 } },
    ]);
    assert.deepEqual(faults('history-lag:okusdSubscribe:10000', 'ack:dualTrade:[]:execute', 'ack:okusdRedeem:[{"note":"a:b"}]:no-execute:x2'), [
      { fault: { kind: 'history-lag', ms: 10000 }, endpoint: 'okusdSubscribe' },
      { fault: { kind: 'ack', data: [], execute: true }, endpoint: 'dualTrade' },
      { fault: { kind: 'ack', data: [{ note: 'a:b' }], execute: false }, endpoint: 'okusdRedeem', times: 2 },
    ]);
    assert.deepEqual(faults('okx:loanInfo:50013', 'http:*:503:x3', 'latency:savingsBalance:250', 'drop:onchainPurchase', 'lose-response:dualRedeem:x1', 'round-trip:*:50'), [
      { fault: { kind: 'okx', code: '50013' }, endpoint: 'loanInfo' },
      { fault: { kind: 'http', status: 503 }, times: 3 },
      { fault: { kind: 'latency', ms: 250 }, endpoint: 'savingsBalance' },
      { fault: { kind: 'drop' }, endpoint: 'onchainPurchase' },
      { fault: { kind: 'lose-response' }, endpoint: 'dualRedeem', times: 1 },
      { fault: { kind: 'round-trip', ms: 50 } },
    ]);
    assert.throws(() => faults('late:okusdSubscribe:404:3000'), /--fault late:okusdSubscribe:404:3000: ANSWER "404" is none of/);
    assert.throws(() => faults('late:okusdSubscribe:50004'), /late takes 2 arguments/);
    assert.throws(() => faults('late:okusdSubscribe:50004:soon'), /AFTER_MS must be a whole number/);
    assert.throws(() => faults('late:nowhere:50004:10'), /unknown endpoint "nowhere"/);
    assert.throws(() => faults('late'), /an endpoint \(or \*\) is needed/);
    assert.throws(() => faults('slow:loanInfo:10'), /unknown kind "slow"/);
    assert.throws(() => faults('history-lag:okusdSubscribe:-5'), /MS must be a whole number/);
    assert.throws(() => faults('ack:dualTrade:[]'), /ack ends with execute or no-execute/);
    assert.throws(() => faults('ack:dualTrade:[oops:execute'), /is not JSON/);
    assert.throws(() => faults('drop:loanInfo:now'), /drop takes no arguments/);
    assert.throws(() => faults('late:dualTrade:hang:10:x0'), /at least x1/);
    assert.throws(() => parseCliArgs(['--fault']), /needs a value/);
  });

  it('`npm run simulator -- --port 0 --api-key … --state FILE` serves what it prints, and keeps state across restarts', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await runSimulatorCommand(['--port', '0', '--api-key', 'my-key', '--secret-key', 'my-secret', '--passphrase', 'my-pass', '--state', stateFile]);
    assert.deepEqual([first.apiKey, first.secretKey, first.passphrase], ['my-key', 'my-secret', 'my-pass']);
    const client = (url: string): OkxClient => new OkxClient({ environment: customEnvironment(url), credentials: { apiKey: 'my-key', secretKey: 'my-secret', passphrase: 'my-pass' } });
    await client(first.url).savings.setLendingRate({ ccy: 'USDC', rate: '0.123' });
    const [ack] = await client(first.url).onchain.purchase({ productId: '101', investData: [{ ccy: 'DOT', amt: '7' }], tag: 'persist' });
    await first.stop();
    assert.ok(existsSync(stateFile));
    assert.ok(!readFileSync(stateFile, 'utf8').includes('my-secret'), 'credentials are not written to the state file');

    const second = await runSimulatorCommand(['--port', '0', '--api-key', 'my-key', '--secret-key', 'my-secret', '--passphrase', 'my-pass', '--state', stateFile]);
    try {
      const [usdc] = await client(second.url).savings.balance({ ccy: 'USDC' });
      assert.equal(usdc?.rate, '0.123');
      const orders = await client(second.url).onchain.activeOrders();
      assert.ok(orders.some((o) => o.ordId === ack?.ordId && o.tag === 'persist'));
    } finally {
      await second.stop();
    }
  });

  it('without --state it starts from the demo portfolio with the documented sandbox credentials, and takes --fault', async () => {
    const run = await runSimulatorCommand(['--port', '0', '--fault', 'late:okusdSubscribe:50004:200:x1']);
    try {
      assert.deepEqual([run.apiKey, run.secretKey, run.passphrase], [SANDBOX_CREDENTIALS.apiKey, SANDBOX_CREDENTIALS.secretKey, SANDBOX_CREDENTIALS.passphrase]);
      const client = new OkxClient({ environment: customEnvironment(run.url), credentials: SANDBOX_CREDENTIALS });
      assert.equal((await client.loan.info())[0]?.collateralData.length, 3);
      // --fault: the first subscription answers 50004 and is carried out 200 ms later.
      await assert.rejects(client.okusd.subscribe({ amt: '5', clOrdId: 'cli-late' }), { code: '50004', category: 'unknown-outcome' });
      const subscribed = async (): Promise<number> => (await client.okusd.subscribeHistory().next()).filter((o) => o.clOrdId === 'cli-late').length;
      assert.equal(await subscribed(), 0);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(await subscribed(), 1);
    } finally {
      await run.stop();
    }
  });

  it('restores a state file in process too (Simulator.start({ stateFile }))', async () => {
    const stateFile = path.join(dir, 's.json');
    const a = await Simulator.start({ stateFile, priceMotion: false });
    a.state.funding.USDT = '1.5';
    await a.close();
    const b = await Simulator.start({ stateFile, priceMotion: false });
    assert.equal(b.state.funding.USDT, '1.5');
    await b.close();
  });
});
