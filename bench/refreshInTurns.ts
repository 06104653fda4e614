/**
 * A new session's cold full refresh beside the same requests sent by simpler senders, in turns: each turn runs
 * every sender once, each on a new simulator and new connections, starting with a different one each turn. On 2
 * cores a refresh of 32 requests at once moves by a third of a round trip from one run to the next, and the
 * machine drifts over the minutes a section takes: measured in turns, the drift weighs on every sender alike, so
 * the gaps between them are the senders' own.
 *
 * The senders: the Portfolio (a new session of an account seen before: every request in one round trip); our
 * client alone (the same requests, signed, through its limiter and node-fetch, without the Portfolio); Node's
 * `http` signing the same requests itself (the simulator does the same work: the floor for these requests on this
 * machine); and Node's `http` unsigned (auth errors: no work at the simulator, tiny answers).
 */
import * as http from 'node:http';
import { ENDPOINTS } from '../src/okx/endpoints';
import type { Credentials } from '../src/okx/client';
import { buildQuery, isoTimestamp, sign } from '../src/okx/signing';
import { SANDBOX_CREDENTIALS } from '../src/simulator/server';
import { measure, newSessionRefresh, nodeHttpAlone, sendAll, summarize, withServer, type RefreshRun, type RefreshSample, type Sent, type Subject } from './refresh';
import { ourClient, type BenchClient } from './clients';
import type { SimulatorThread } from './simulatorThread';

/** Node's `http` sending each request signed as OKX wants it, and reading the JSON answer; a code other than "0" fails. */
export function nodeHttpSigned(baseUrl: string, credentials: Credentials): BenchClient {
  const get = (path: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const timestamp = isoTimestamp(Date.now());
      const headers = {
        'OK-ACCESS-KEY': credentials.apiKey,
        'OK-ACCESS-SIGN': sign(credentials.secretKey, timestamp, 'GET', path, ''),
        'OK-ACCESS-TIMESTAMP': timestamp,
        'OK-ACCESS-PASSPHRASE': credentials.passphrase,
      };
      http
        .get(`${baseUrl}${path}`, { headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            const { code } = JSON.parse(body) as { code?: string };
            if (code === '0') resolve(undefined);
            else reject(new Error(`${path}: code ${String(code)}`));
          });
          res.on('error', reject);
        })
        .on('error', reject);
    });
  return {
    name: "Node's http, signed (the floor)",
    send: (id, params) => {
      const spec = ENDPOINTS[id];
      if (spec.method !== 'GET') return Promise.reject(new Error(`${id}: a refresh only reads`));
      return get(`${spec.path}${buildQuery(params)}`);
    },
  };
}

export interface InTurnsRow {
  readonly sender: string;
  readonly run: RefreshRun;
}

type Turn = (thread: SimulatorThread) => Promise<RefreshSample>;

/** Every request of `sent` at once from `make`'s sender, on a new simulator; failures counted. */
function allAtOnce(make: (url: string) => BenchClient, sent: readonly Sent[], latencyMs: number): Turn {
  return (thread) => withServer(thread, latencyMs, (sim) => measure(sim, () => sendAll(make(sim.url), sent)));
}

/** `turns` turns of every sender, each turn starting one sender further on. */
export async function refreshInTurns(thread: SimulatorThread, subject: Subject, sent: readonly Sent[], turns: number, latencyMs: number): Promise<InTurnsRow[]> {
  const credentials = SANDBOX_CREDENTIALS;
  const senders: [string, Turn][] = [
    ['okx-earn: full refresh, cold, a new session', (thread) => newSessionRefresh(thread, subject, latencyMs, 1)],
    ["okx-earn's client alone (no Portfolio)", allAtOnce((url) => ourClient(url, credentials), sent, latencyMs)],
    ["Node's http, signed (the floor)", allAtOnce((url) => nodeHttpSigned(url, credentials), sent, latencyMs)],
    ["Node's http, unsigned (auth errors)", allAtOnce(nodeHttpAlone, sent, latencyMs)],
  ];
  const samples = new Map<string, RefreshSample[]>(senders.map(([sender]) => [sender, []]));
  for (let turn = 0; turn < turns; turn++) {
    const order = [...senders.slice(turn % senders.length), ...senders.slice(0, turn % senders.length)];
    for (const [sender, run] of order) samples.get(sender)?.push(await run(thread));
  }
  return senders.map(([sender]) => ({ sender, run: summarize(samples.get(sender) ?? []) }));
}
