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
    assert.deepEqual(parsed, { port: 0, apiKey: 'k', secretKey: 's', passphrase: 'p', stateFile: 'f.json', readOnly: true, demo: true, region: 'us', priceMotion: false });
    assert.deepEqual(parseCliArgs([]), { port: 8787, ...SANDBOX_CREDENTIALS, stateFile: undefined, readOnly: false, demo: false, region: 'global', priceMotion: true });
    assert.equal(parseCliArgs(['--help']), 'help');
    assert.throws(() => parseCliArgs(['--port', 'x']), /--port/);
    assert.throws(() => parseCliArgs(['--region', 'mars']), /--region/);
    assert.throws(() => parseCliArgs(['--api-key']), /needs a value/);
    assert.throws(() => parseCliArgs(['--bogus']), /Unknown option --bogus/);
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

  it('without --state it starts from the demo portfolio with the documented sandbox credentials', async () => {
    const run = await runSimulatorCommand(['--port', '0']);
    try {
      assert.deepEqual([run.apiKey, run.secretKey, run.passphrase], [SANDBOX_CREDENTIALS.apiKey, SANDBOX_CREDENTIALS.secretKey, SANDBOX_CREDENTIALS.passphrase]);
      const client = new OkxClient({ environment: customEnvironment(run.url), credentials: SANDBOX_CREDENTIALS });
      assert.equal((await client.loan.info())[0]?.collateralData.length, 3);
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
